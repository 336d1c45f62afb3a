import type { Collector } from '../collector';
import { accessAnalyzerCollector } from './access-analyzer';
import { eksCollector } from './eks';
import { iamCollector } from './iam';

/** Every collector, explicit (no discovery), in the order they are reported. */
export const ALL_COLLECTORS: readonly Collector[] = [iamCollector, accessAnalyzerCollector, eksCollector];
