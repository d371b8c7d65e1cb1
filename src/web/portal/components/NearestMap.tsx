import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { NearestOrganization } from '../../../contracts/nearest.js';

export interface MapPoint {
  lat: number;
  lng: number;
}

const originStyle: L.CircleMarkerOptions = {
  radius: 9,
  color: '#fff',
  weight: 3,
  fillColor: '#c8161d',
  fillOpacity: 1,
};

const resultStyle: L.CircleMarkerOptions = {
  radius: 8,
  color: '#fff',
  weight: 2,
  fillColor: '#1f4e96',
  fillOpacity: 0.9,
};

const nearestStyle: L.CircleMarkerOptions = { ...resultStyle, radius: 11, fillColor: '#d46b08' };

/** Tooltip content as a text node: names come from the database and must not become markup. */
function label(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}

/**
 * The chosen point and the results as plain circle markers (no image assets). Tiles are drawn
 * only when the deployment names a tile server; without one the markers still show where the
 * points lie, on a plain background, so the page works offline.
 */
export default function NearestMap({
  origin,
  originLabel,
  results,
  tileUrl,
  label: mapLabel,
  onSelect,
}: {
  origin: MapPoint | undefined;
  originLabel: string;
  results: readonly NearestOrganization[];
  tileUrl: string;
  label: string;
  onSelect: (organization: NearestOrganization) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const select = useRef(onSelect);

  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    if (!container.current) return;
    const instance = L.map(container.current, {
      zoomControl: true,
      attributionControl: Boolean(tileUrl),
      scrollWheelZoom: false,
    });
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(instance);
    markers.current = L.layerGroup().addTo(instance);
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
      markers.current = null;
    };
  }, [tileUrl]);

  useEffect(() => {
    const instance = map.current;
    const layer = markers.current;
    if (!instance || !layer) return;
    layer.clearLayers();
    const points: L.LatLngExpression[] = [];
    // Farthest first, so that the nearest is drawn on top.
    [...results].reverse().forEach((organization, reversedIndex) => {
      const isNearest = reversedIndex === results.length - 1;
      const position: L.LatLngTuple = [organization.latitude, organization.longitude];
      points.push(position);
      L.circleMarker(position, isNearest ? nearestStyle : resultStyle)
        .bindTooltip(label(organization.name))
        .on('click', () => select.current(organization))
        .addTo(layer);
    });
    if (origin) {
      const position: L.LatLngTuple = [origin.lat, origin.lng];
      points.push(position);
      L.circleMarker(position, originStyle).bindTooltip(label(originLabel)).addTo(layer);
    }
    if (points.length === 0) return;
    const bounds = L.latLngBounds(points);
    if (points.length === 1 || bounds.getNorthEast().equals(bounds.getSouthWest())) {
      instance.setView(bounds.getCenter(), 15);
    } else {
      instance.fitBounds(bounds, { padding: [28, 28], maxZoom: 16 });
    }
  }, [origin, originLabel, results, tileUrl]);

  return (
    <div
      ref={container}
      className={tileUrl ? 'nearest-map' : 'nearest-map nearest-map-plain'}
      role="region"
      aria-label={mapLabel}
    />
  );
}
