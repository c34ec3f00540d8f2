import type { CrowdLevel } from './crowd-levels';

/** The answers of screen-queries.ts, as the panels use them. */

/** One declared live metric, of a hub or of the wall's hubs together. */
export interface LiveMetric {
  name: string;
  title: string;
  unit: string | null;
  kind: string;
  /** null: a gauge that nothing here has. */
  value: number | null;
  /** The department that declares it. */
  department: string;
  /** Its department is down: the value is the last known. */
  stale: boolean;
}

/** A hub's value of a declared metric (what the metric is: the area's LiveMetric of the same name). */
export interface HubMetricValue {
  name: string;
  value: number | null;
}

export interface HubMetrics {
  hubId: string;
  occupancy: number;
  crowdLevel: CrowdLevel;
  footfallToday: number;
  activitiesToday: number;
  mealsToday: number;
  updatedAt: string;
  /** The departments that are down. */
  staleDepartments: string[];
  metrics: HubMetricValue[];
}

export interface ScreenHub {
  id: string;
  name: string;
  street: string;
  district: string;
  kind: 'FLAGSHIP' | 'CLUSTER' | 'EMBEDDED' | 'VILLAGE';
  capacity: number | null;
  location: { lat: number; lng: number };
  live: HubMetrics;
}

export interface SeriesPoint {
  at: string;
  entered: number;
}

export type HealthFlag = 'HYPERTENSION' | 'DIABETES' | 'HYPERLIPIDEMIA';

export interface CanteenSummary {
  mealsServed: number;
  /** The hub's HEALTH_SUPPRESS_BELOW: a withheld count is written "<" and this. */
  suppressBelow: number;
  lowSaltShare: number | null;
  flags: { flag: HealthFlag; diners: number | null; suppressed: boolean }[];
}

export interface ScreenActivity {
  id: string;
  title: string;
  category: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  remaining: number;
  hub: { id: string; name: string };
  /** The social organization running it, when civil knows it. */
  organizer: { name: string } | null;
}

export interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}
