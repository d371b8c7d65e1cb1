import { seededRandom } from '../src/server/platform/random.js';
import { and, eq, like, sql } from 'drizzle-orm';
import type { OpeningHours, OrganizationType } from '../src/contracts/organizations.js';
import { newOrganizationSchema } from '../src/contracts/organizations.js';
import { divisions } from '../src/server/modules/divisions/divisions.tables.js';
import { organizations } from '../src/server/modules/organizations/organizations.tables.js';
import type { Database } from '../src/server/platform/db/client.js';

const WUJIN = '320412';
const WUJIN_BUREAU = '武进区司法局';
const WUJIN_CENTRE = { latitude: 31.7, longitude: 119.95 };
const INSERT_BATCH = 250;

/** Suffixes chosen so that no generated name collides with a demo organization's. */
const kinds: ReadonlyArray<{ type: OrganizationType; suffix: string }> = [
  { type: 'mediation_committee', suffix: '人民调解委员会' },
  { type: 'service_room', suffix: '公共法律服务室' },
  { type: 'legal_aid_station', suffix: '法律援助联络点' },
  { type: 'grassroots_office', suffix: '法律服务所' },
  { type: 'law_firm', suffix: '律师工作室' },
  { type: 'service_station', suffix: '法律服务工作点' },
  { type: 'enterprise_service_centre', suffix: '企业法律服务点' },
];

const weekday = [
  { opens: '08:30', closes: '12:00' },
  { opens: '13:30', closes: '17:30' },
];
const openingHours: OpeningHours = {
  mon: weekday,
  tue: weekday,
  wed: weekday,
  thu: weekday,
  fri: weekday,
};

interface Place {
  code: string;
  name: string;
  townshipName: string;
}

/** Wujin's townships and villages, each with the name of its township for addresses. */
async function wujinPlaces(db: Database): Promise<Place[]> {
  const rows = await db
    .select({ code: divisions.code, name: divisions.name, parentCode: divisions.parentCode })
    .from(divisions)
    .where(and(like(divisions.code, `${WUJIN}%`), sql`length(${divisions.code}) > 6`))
    .orderBy(divisions.code);
  const namesByCode = new Map(rows.map((row) => [row.code, row.name]));
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    townshipName: row.code.length === 9 ? row.name : (namesByCode.get(row.parentCode ?? '') ?? ''),
  }));
}

async function wujinBureauId(db: Database): Promise<string | null> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.divisionCode, WUJIN), eq(organizations.name, WUJIN_BUREAU)));
  return row?.id ?? null;
}

function generatedOrganization(index: number, places: Place[], parentId: string | null) {
  const random = seededRandom(index + 1);
  const place = places[index % places.length] as Place;
  const kindIndex = Math.floor(index / places.length);
  const kind = kinds[kindIndex % kinds.length] as (typeof kinds)[number];
  const round = Math.floor(kindIndex / kinds.length);
  const address = place.townshipName === place.name ? place.name : place.townshipName + place.name;
  return newOrganizationSchema.parse({
    type: kind.type,
    name: `${place.name}${kind.suffix}${round > 0 ? `（${round + 1}）` : ''}`,
    parentId,
    divisionCode: place.code,
    address: `常州市武进区${address}便民服务中心`,
    latitude: WUJIN_CENTRE.latitude + (random() - 0.5) * 0.3,
    longitude: WUJIN_CENTRE.longitude + (random() - 0.5) * 0.3,
    phone: index % 3 === 0 ? '12348' : null,
    openingHours,
  });
}

/**
 * Inserts `count` organizations spread over Wujin's townships and villages, in bulk (the
 * organization service checks each row one query at a time, which would dominate setup time).
 * Rows still pass the same contract schema the service validates with. Needs the demo divisions.
 */
export async function generateOrganizations(db: Database, count: number): Promise<void> {
  const places = await wujinPlaces(db);
  if (places.length === 0) throw new Error(`no divisions under ${WUJIN}: seed the demo first`);
  const parentId = await wujinBureauId(db);
  const rows = Array.from({ length: count }, (_, index) =>
    generatedOrganization(index, places, parentId),
  );
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await tx.insert(organizations).values(rows.slice(start, start + INSERT_BATCH));
    }
  });
  // A long-running database has planner statistics; a freshly loaded one must gather them now.
  await db.execute(sql`analyze`);
}
