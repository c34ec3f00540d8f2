/** The hub's CrowdLevel (occupancy / capacity) as the wall colours and names it. */
export type CrowdLevel = 'QUIET' | 'NORMAL' | 'BUSY' | 'FULL';

export const CROWD_LEVELS: readonly { level: CrowdLevel; label: string; colour: string }[] = [
  { level: 'QUIET', label: '舒适', colour: '#2dd4bf' },
  { level: 'NORMAL', label: '适中', colour: '#60a5fa' },
  { level: 'BUSY', label: '较忙', colour: '#fbbf24' },
  { level: 'FULL', label: '拥挤', colour: '#f87171' },
];

export function crowdColour(level: CrowdLevel): string {
  return CROWD_LEVELS.find((c) => c.level === level)?.colour ?? '#60a5fa';
}
