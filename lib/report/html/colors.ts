import type { Severity, Status } from '../../engine/types';

/** One palette for charts, badges and legends (readable on white, distinct for common colour blindness). */
export const STATUS_COLOR: Record<Status, string> = {
  FAIL: '#c62828',
  ERROR: '#8e24aa',
  UNKNOWN: '#ef8f00',
  PASS: '#2e7d32',
  NOT_APPLICABLE: '#9e9e9e',
};

export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '#7f0000',
  high: '#c62828',
  medium: '#ef6c00',
  low: '#f9a825',
  info: '#607d8b',
};
