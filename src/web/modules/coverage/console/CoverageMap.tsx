import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { Coverage } from '../../../../contracts/coverage.js';
import { reachBand, reachColours, workstationColours } from './reach.js';

/** Tooltip content as a text node: names come from the database and must not become markup. */
function label(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}

export interface CoverageMapLabels {
  region: string;
  village: (name: string, distance: string) => string;
  workstation: (name: string) => string;
}

/**
 * Workstations as large circles and villages as small ones coloured by distance, plain circle
 * markers with no image assets. Tiles are drawn only when the deployment names a tile server;
 * without one the markers sit on a plain sheet, so the map works offline.
 */
export default function CoverageMap({
  coverage,
  tileUrl,
  labels,
  formatDistance,
}: {
  coverage: Coverage;
  tileUrl: string;
  labels: CoverageMapLabels;
  formatDistance: (km: number | null) => string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = L.map(container.current, {
      zoomControl: true,
      attributionControl: Boolean(tileUrl),
      scrollWheelZoom: false,
      // Fractional zoom, so a whole district fills the frame.
      zoomSnap: 0.25,
    });
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(instance);
    layer.current = L.layerGroup().addTo(instance);
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
      layer.current = null;
    };
  }, [tileUrl]);

  useEffect(() => {
    const instance = map.current;
    const markers = layer.current;
    if (!instance || !markers) return;
    markers.clearLayers();
    const points: L.LatLngTuple[] = [];
    for (const township of coverage.townships) {
      for (const village of township.villages) {
        if (village.latitude === null || village.longitude === null) continue;
        const position: L.LatLngTuple = [village.latitude, village.longitude];
        points.push(position);
        const colour =
          reachColours[reachBand(village.distanceKm, village.beyond, coverage.withinKm)];
        L.circleMarker(position, {
          radius: 5,
          color: colour,
          weight: 1,
          // An approximate position (the township's centre) is drawn hollow.
          fillColor: colour,
          fillOpacity: village.approximate ? 0.15 : 0.75,
          dashArray: village.approximate ? '2 2' : undefined,
          className: `coverage-village coverage-village-${reachBand(village.distanceKm, village.beyond, coverage.withinKm)}`,
        })
          .bindTooltip(label(labels.village(village.name, formatDistance(village.distanceKm))))
          .addTo(markers);
      }
    }
    for (const station of coverage.workstations) {
      if (station.latitude === null || station.longitude === null) continue;
      const position: L.LatLngTuple = [station.latitude, station.longitude];
      if (station.withinDivision) points.push(position);
      const fill = !station.withinDivision
        ? workstationColours.neighbour
        : station.openedThisYear
          ? workstationColours.openedThisYear
          : workstationColours.own;
      L.circleMarker(position, {
        radius: 9,
        color: '#fff',
        weight: 2,
        fillColor: fill,
        fillOpacity: 0.95,
        className: 'coverage-workstation',
      })
        .bindTooltip(label(labels.workstation(station.name)))
        .addTo(markers);
    }
    // The page draws the map only when something has a position.
    if (points.length === 0) return;
    instance.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 14 });
  }, [coverage, labels, formatDistance, tileUrl]);

  return (
    <div
      ref={container}
      className={tileUrl ? 'coverage-map' : 'coverage-map coverage-map-plain'}
      role="region"
      aria-label={labels.region}
    />
  );
}
