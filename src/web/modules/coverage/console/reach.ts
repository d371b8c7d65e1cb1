// Colours and bands shared by the coverage map and its legend; kept apart from the map so the page
// can draw the legend without loading Leaflet.

/** How a village's distance to its nearest workstation compares with the planner's reach. */
export type ReachBand = 'near' | 'within' | 'beyond' | 'unknown';

/** Near = within half the reach; within = within the reach; beyond = farther or no workstation. */
export function reachBand(distanceKm: number | null, beyond: boolean, withinKm: number): ReachBand {
  if (beyond) return 'beyond';
  if (distanceKm === null) return 'unknown';
  return distanceKm <= withinKm / 2 ? 'near' : 'within';
}

export const reachColours: Record<ReachBand, string> = {
  near: '#389e0d',
  within: '#d48806',
  beyond: '#cf1322',
  unknown: '#8c8c8c',
};

export const workstationColours = {
  own: '#1f4e96',
  openedThisYear: '#13a8a8',
  neighbour: '#8c8c8c',
} as const;
