import type { DeployedService, Deployment, RealServer } from '../model/deployment.js';
import type { ResolvedTemplate } from '../model/resolved.js';

/** A real server of one service, its port resolved. */
export interface ServiceServer {
  readonly address: string;
  readonly port: number;
  readonly weight?: number;
}

/**
 * The real servers of one service and the port each is reached on: the service's own override, else
 * an Office Online Server's own port, else the port the guide asks for with that template (4.1.1's 80
 * when offloading, "Ensure port 143 is entered" in 4.4, ...). Exchange servers carry no port of their
 * own: one server serves several services on different ports.
 */
export function serviceServers(d: Deployment, s: DeployedService, t: ResolvedTemplate): ServiceServer[] {
  const list: readonly RealServer[] =
    t.servers === 'office-online' ? d.officeOnlineServers : d.exchangeServers;
  return list.map((rs) => ({
    address: rs.address,
    port: s.realServerPort ?? rs.port ?? t.realServerPort,
    ...(rs.weight === undefined ? {} : { weight: rs.weight }),
  }));
}
