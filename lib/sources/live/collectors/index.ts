import type { Collector } from '../collector';
import { eksCollector } from './eks';

/** Every collector, explicit (no discovery), in the order they are reported. */
export const ALL_COLLECTORS: readonly Collector[] = [eksCollector];
