/** The scales of justice; the same drawing as the favicon. `inverse` suits blue backgrounds. */
export function BrandMark({ size = 32, inverse = false }: { size?: number; inverse?: boolean }) {
  const background = inverse ? '#ffffff' : '#1f4e96';
  const ink = inverse ? '#1f4e96' : '#ffffff';
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill={background} />
      <path
        d="M32 12v36M18 20h28M18 20l-7 14h14zM46 20l-7 14h14zM22 50h20"
        fill="none"
        stroke={ink}
        strokeWidth="4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
