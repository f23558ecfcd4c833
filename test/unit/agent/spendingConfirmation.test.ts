import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AGENT_TOOLS } from '../../../src/agent/tools';
import { CONFIRMATION_NOTE } from '../../../src/agent/tools/confirmation';
import { RUN_WITHOUT_CONFIRMATION, runsWithoutConfirmation, runWithoutConfirmationArgs, skipSettingsOf, toolsWithSkipSetting, type SettingValues } from '../../../src/core/agent/confirmationSettings';
import { parseServerArgs } from '../../../src/mcp/args';
import { listedTools } from '../../../src/mcp/tools';

const ASKING = AGENT_TOOLS.filter((t) => t.needsConfirmation);

interface SettingContribution { type: string; default: unknown; scope?: string; markdownDeprecationMessage?: string }
const SETTINGS: Record<string, SettingContribution> = Object.assign({}, ...[(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, SettingContribution> } | { properties: Record<string, SettingContribution> }[] } }).contributes.configuration].flat().map((section) => section.properties));

/** Settings as `WorkspaceConfiguration.inspect` reports them: key → where each value is set. */
function inspector(values: Record<string, SettingValues>) {
  return (key: string): SettingValues | undefined => values[key];
}

describe('tools that cost money ask a person first', () => {
  it('there are such tools, and the ones that run a Logs Insights query are among them', () => {
    assert.ok(ASKING.some((t) => t.name === 'opsLens_runInsightsQuery') && ASKING.some((t) => t.name === 'opsLens_productionErrors'));
  });

  describe('over MCP', () => {
    it('no tool that asks is advertised as read-only, so clients do not skip their own confirmation', () => {
      const listed = listedTools();
      for (const tool of AGENT_TOOLS) {
        const { annotations } = listed.find((t) => t.name === tool.name)!;
        if (tool.needsConfirmation) assert.deepEqual(annotations, { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true }, tool.name);
        else assert.deepEqual(annotations, { readOnlyHint: true, openWorldHint: true }, tool.name);
      }
    });

    it('tells the model truthfully that each run waits for a yes, and that a refused run sends nothing', () => {
      for (const tool of ASKING) assert.ok(tool.modelDescription.includes(CONFIRMATION_NOTE), tool.name);
      for (const tool of AGENT_TOOLS) assert.doesNotMatch(tool.modelDescription, /may be asked to confirm/, tool.name);
    });

    it(`parses ${RUN_WITHOUT_CONFIRMATION}, once per tool, and only for tools that ask`, () => {
      assert.deepEqual(parseServerArgs([RUN_WITHOUT_CONFIRMATION, 'opsLens_runInsightsQuery']), { profile: '', regions: [], endpointUrl: '', workspace: undefined, runWithoutConfirmation: ['opsLens_runInsightsQuery'] });
      assert.deepEqual(
        (parseServerArgs([`${RUN_WITHOUT_CONFIRMATION}=opsLens_productionErrors`, RUN_WITHOUT_CONFIRMATION, 'opsLens_runInsightsQuery', RUN_WITHOUT_CONFIRMATION, 'opsLens_productionErrors']) as { runWithoutConfirmation: string[] }).runWithoutConfirmation,
        ['opsLens_productionErrors', 'opsLens_runInsightsQuery'],
      );
      assert.equal('runWithoutConfirmation' in (parseServerArgs(['--workspace', 'ws']) as object), false, 'without the option every tool that costs money asks');
      assert.match(parseServerArgs([RUN_WITHOUT_CONFIRMATION, 'opsLens_listAlarms']) as string, /takes the name of a tool that asks before it runs: opsLens_runInsightsQuery, opsLens_productionErrors/);
      assert.match(parseServerArgs([RUN_WITHOUT_CONFIRMATION, 'all']) as string, /takes the name of a tool that asks/);
      assert.match(parseServerArgs([RUN_WITHOUT_CONFIRMATION]) as string, /needs a value/);
    });
  });

  describe('in VS Code', () => {
    it('each tool that asks has its own user-level setting, off by default, that no workspace can set', () => {
      assert.deepEqual(toolsWithSkipSetting().sort(), ASKING.map((t) => t.name).sort());
      const current = ASKING.map((t) => skipSettingsOf(t.name)[0]);
      assert.equal(new Set(current).size, ASKING.length, 'one setting never silences two tools');
      for (const tool of ASKING) {
        for (const key of skipSettingsOf(tool.name)) {
          const setting = SETTINGS[`opsLens.${key}`];
          assert.ok(setting, `opsLens.${key} is contributed`);
          // "application": settable in user settings only (https://code.visualstudio.com/api/references/contribution-points#contributes.configuration)
          assert.deepEqual([setting.type, setting.default, setting.scope], ['boolean', false, 'application'], key);
        }
      }
    });

    it('keeps the older setting for Logs Insights queries only, marked deprecated', () => {
      assert.deepEqual(skipSettingsOf('opsLens_runInsightsQuery'), ['agent.runInsightsQueryWithoutConfirmation', 'agent.runQueriesWithoutConfirmation']);
      assert.match(SETTINGS['opsLens.agent.runQueriesWithoutConfirmation'].markdownDeprecationMessage ?? '', /runInsightsQueryWithoutConfirmation/);
      const old = inspector({ 'agent.runQueriesWithoutConfirmation': { globalValue: true } });
      assert.equal(runsWithoutConfirmation('opsLens_runInsightsQuery', old), true);
      assert.equal(runsWithoutConfirmation('opsLens_productionErrors', old), false, 'the older setting no longer silences production errors');
      assert.equal(runsWithoutConfirmation('opsLens_runInsightsQuery', inspector({ 'agent.runQueriesWithoutConfirmation': { globalValue: true }, 'agent.runInsightsQueryWithoutConfirmation': { globalValue: false } })), false, 'the new setting, once set, decides');
    });

    it('starts the MCP server with the option only for the tools whose setting the user turned on in user settings', () => {
      assert.deepEqual(runWithoutConfirmationArgs(inspector({})), []);
      assert.deepEqual(runWithoutConfirmationArgs(inspector({ 'agent.productionErrorsWithoutConfirmation': { globalValue: true } })), [RUN_WITHOUT_CONFIRMATION, 'opsLens_productionErrors']);
      const both = runWithoutConfirmationArgs(inspector({ 'agent.runQueriesWithoutConfirmation': { globalValue: true }, 'agent.productionErrorsWithoutConfirmation': { globalValue: true } }));
      assert.deepEqual(both, [RUN_WITHOUT_CONFIRMATION, 'opsLens_runInsightsQuery', RUN_WITHOUT_CONFIRMATION, 'opsLens_productionErrors']);
      assert.deepEqual((parseServerArgs(both) as { runWithoutConfirmation: string[] }).runWithoutConfirmation, ['opsLens_runInsightsQuery', 'opsLens_productionErrors'], 'the server accepts what the extension passes');
    });

    it('ignores a workspace or folder value: a cloned repository cannot make anything run unasked', () => {
      const fromRepository = inspector(Object.fromEntries(ASKING.flatMap((t) => skipSettingsOf(t.name)).map((key) => [key, { workspaceValue: true, workspaceFolderValue: true }])));
      assert.deepEqual(runWithoutConfirmationArgs(fromRepository), []);
      for (const tool of ASKING) assert.equal(runsWithoutConfirmation(tool.name, fromRepository), false, tool.name);
      assert.deepEqual(runWithoutConfirmationArgs(inspector({ 'agent.runInsightsQueryWithoutConfirmation': { globalValue: 'true', workspaceValue: true } })), [], 'only a boolean true counts');
    });
  });
});
