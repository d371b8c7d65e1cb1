import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';

export interface MapPoint {
  lat: number;
  lng: number;
}

/** What the map draws of a place: where it is and what to call it. */
export interface MapPlace {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

const originStyle: L.CircleMarkerOptions = {
  radius: 9,
  color: '#fff',
  weight: 3,
  fillColor: '#c8161d',
  fillOpacity: 1,
};

const placeStyle: L.CircleMarkerOptions = {
  radius: 8,
  color: '#fff',
  weight: 2,
  fillColor: '#1f4e96',
  fillOpacity: 0.9,
};

const emphasizedStyle: L.CircleMarkerOptions = { ...placeStyle, radius: 11, fillColor: '#d46b08' };

/** Tooltip content as a text node: names come from the database and must not become markup. */
function label(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}

/**
 * Places (and optionally a starting point) as plain circle markers, no image assets. Tiles are
 * drawn only when the deployment names a tile server; without one the markers still show where
 * the places lie, on a plain background, so the page works offline. Leaflet is heavy: pages load
 * this component lazily.
 */
export default function PlacesMap<Place extends MapPlace>({
  places,
  origin,
  originLabel = '',
  emphasized,
  tileUrl,
  label: mapLabel,
  onSelect,
  zoom = 15,
}: {
  places: readonly Place[];
  origin?: MapPoint | undefined;
  originLabel?: string;
  /** The place drawn larger and on top (the nearest, or the one chosen in the list). */
  emphasized?: string | undefined;
  tileUrl: string;
  label: string;
  onSelect?: (place: Place) => void;
  /** The zoom when there is a single point to show. */
  zoom?: number;
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
    // The emphasized place last, so that it is drawn on top.
    const ordered = [...places].sort(
      (a, b) => Number(a.id === emphasized) - Number(b.id === emphasized),
    );
    for (const place of ordered) {
      const position: L.LatLngTuple = [place.latitude, place.longitude];
      points.push(position);
      L.circleMarker(position, place.id === emphasized ? emphasizedStyle : placeStyle)
        .bindTooltip(label(place.name))
        .on('click', () => select.current?.(place))
        .addTo(layer);
    }
    if (origin) {
      const position: L.LatLngTuple = [origin.lat, origin.lng];
      points.push(position);
      L.circleMarker(position, originStyle).bindTooltip(label(originLabel)).addTo(layer);
    }
    if (points.length === 0) return;
    const bounds = L.latLngBounds(points);
    if (points.length === 1 || bounds.getNorthEast().equals(bounds.getSouthWest())) {
      instance.setView(bounds.getCenter(), zoom);
    } else {
      instance.fitBounds(bounds, { padding: [28, 28], maxZoom: 16 });
    }
  }, [origin, originLabel, places, emphasized, tileUrl, zoom]);

  return (
    <div
      ref={container}
      className={tileUrl ? 'nearest-map' : 'nearest-map nearest-map-plain'}
      role="region"
      aria-label={mapLabel}
    />
  );
}
