import { version } from '../package.json';

/** The hardeks version, stamped into every report. */
export const TOOL_VERSION: string = version;
