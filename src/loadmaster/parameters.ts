import type { ParamSpec } from './parameter.js';
import { ESP_PARAMETERS } from './parameters-esp.js';
import { OTHER_PARAMETERS } from './parameters-other.js';
import { VS_PARAMETERS } from './parameters-vs.js';

/**
 * Every LoadMaster API parameter the compiler may emit. The appliance silently ignores a name it
 * does not know, so nothing leaves the compiler under a name that is not here.
 */
export const PARAMETERS: readonly ParamSpec[] = [...VS_PARAMETERS, ...ESP_PARAMETERS, ...OTHER_PARAMETERS];
