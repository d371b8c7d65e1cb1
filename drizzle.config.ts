import { defineConfig } from 'drizzle-kit';

// Every `*.tables.ts` of the platform and of the modules: a new domain's tables are found without
// editing a central file (src/server/schema.ts lists the same tables from the module list).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/server/platform/**/*.tables.ts', './src/server/modules/*/*.tables.ts'],
  out: './db/migrations',
});
