/** An API parameter as a script sends it: name and raw text (each script encodes it). */
export interface ApiParam {
  readonly name: string;
  readonly value: string;
}

/**
 * One step of a deployment: each converges (finds the object and changes it, or creates it), so a
 * script can run again without failing or duplicating. `ref` names the index a step learns, for the
 * steps after it.
 */
export type PlanStep =
  /** `set?param=&value=`. */
  | { readonly kind: 'global'; readonly title: string; readonly param: string; readonly value: string }
  /** `showrule?name=` then `modrule` or `addrule`. */
  | {
      readonly kind: 'rule';
      readonly title: string;
      readonly name: string;
      readonly params: readonly ApiParam[];
    }
  /** `showvs?vs=&port=&prot=` then `modvs?vs=<Index>` or `addvs`; learns the VS's Index as `ref`. */
  | {
      readonly kind: 'vs';
      readonly title: string;
      readonly ref: string;
      readonly address: string;
      readonly port: number;
      readonly prot: 'tcp' | 'udp';
      readonly params: readonly ApiParam[];
    }
  /**
   * Finds the parent's SubVS named `nickname` (its `<SubVS><Name>`), else `modvs createsubvs=` and
   * takes the new, last `<SubVS>`; learns its VSIndex as `ref` and its slot RsIndex as `${ref}_slot`;
   * then `modvs?vs=<VSIndex>` with the params.
   */
  | {
      readonly kind: 'subvs';
      readonly title: string;
      readonly ref: string;
      readonly parent: string;
      readonly nickname: string;
      readonly params: readonly ApiParam[];
    }
  /** `showvs?vs=<ref>`: an `<Rs>` with this address and port is changed with `modrs`, else `addrs`. */
  | {
      readonly kind: 'realserver';
      readonly title: string;
      readonly vs: string;
      readonly address: string;
      readonly port: number;
      readonly weight?: number;
    }
  /** `addrsrule?vs=<parent>&rs=!<slot>&rule=`, unless the slot's `<MatchRules>` already holds it. */
  | {
      readonly kind: 'attach-rule';
      readonly title: string;
      readonly parent: string;
      readonly subvs: string;
      readonly rule: string;
    }
  /** `listcert`: stops before any change if a certificate the plan assigns is not installed. */
  | { readonly kind: 'certificates'; readonly title: string; readonly names: readonly string[] };

/** The ordered API operations both scripts render, so they cannot drift. */
export interface Plan {
  /** What the plan deploys, for the scripts' headers. */
  readonly summary: readonly string[];
  readonly steps: readonly PlanStep[];
}
