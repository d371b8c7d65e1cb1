import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The boundary rule messages ESLint reports for `code` as if it were the file at `filePath`. */
async function boundaryProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('import boundaries', () => {
  it('should refuse a platform file that imports a module', async () => {
    const problems = await boundaryProblems(
      'src/server/platform/writes/bad.ts',
      "import { createVolunteerService } from '../../modules/volunteers/volunteers.service.js';\nexport const bad = createVolunteerService;\n",
    );
    expect(problems).toEqual([expect.stringContaining('The platform knows no domain')]);
  });

  it('should refuse a platform file that imports the composition root', async () => {
    const problems = await boundaryProblems(
      'src/server/platform/http/bad.ts',
      "import { createServices } from '../../services.js';\nexport const bad = createServices;\n",
    );
    expect(problems).toEqual([expect.stringContaining('below the composition root')]);
  });

  it("should refuse a module that reaches into another module's repository", async () => {
    const problems = await boundaryProblems(
      'src/server/modules/partners/bad.ts',
      "import { createVolunteerRepository } from '../volunteers/volunteers.repository.js';\nexport const bad = createVolunteerRepository;\n",
    );
    expect(problems).toEqual([expect.stringContaining('only through its service')]);
  });

  it("should allow a module to use another module's service and tables", async () => {
    const problems = await boundaryProblems(
      'src/server/modules/partners/good.ts',
      "import type { OrganizationService } from '../organizations/organizations.service.js';\nimport { organizations } from '../organizations/organizations.tables.js';\nexport type Good = OrganizationService;\nexport const good = organizations;\n",
    );
    expect(problems).toEqual([]);
  });

  it('should refuse portal code that imports console code', async () => {
    const problems = await boundaryProblems(
      'src/web/modules/organizations/portal/Bad.tsx',
      "import { OrganizationEditor } from '../console/OrganizationEditor.js';\nexport const Bad = OrganizationEditor;\n",
    );
    expect(problems).toEqual([expect.stringContaining('The portal never imports console code')]);
  });

  it('should refuse web code that imports server code', async () => {
    const problems = await boundaryProblems(
      'src/web/kit/bad.ts',
      "import { buildApp } from '../../server/app.js';\nexport const bad = buildApp;\n",
    );
    expect(problems.length).toBeGreaterThan(0);
  });
});
