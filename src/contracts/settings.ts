import { z } from 'zod';

/** What the web apps need to know about this deployment before they render. */
export const publicSettingsSchema = z.object({
  mapTileUrl: z.string().describe('Map tile URL template; empty when maps run without tiles'),
  homeDivisionCode: z.string().describe('The division this deployment serves, e.g. a district'),
});
export type PublicSettings = z.infer<typeof publicSettingsSchema>;
