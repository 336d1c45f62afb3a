import { eksControlPlaneLogging } from '../../lib/checks/eks/control-plane-logging';
import { eksEndpointNotPublic } from '../../lib/checks/eks/endpoint-not-public';
import { parseConfig } from '../../lib/config';
import { runChecks } from '../../lib/engine/run';
import { fakeEksCluster, inventoryOf } from '../fixtures/model';

const catalog = [eksControlPlaneLogging, eksEndpointNotPublic];

describe('configuration file', () => {
  test('options from YAML reach the check', () => {
    const config = parseConfig('version: 1\nchecks:\n  eks-control-plane-logging:\n    requiredLogTypes: [audit]\n', 'hardeks.yaml', catalog);
    const { findings } = runChecks(inventoryOf([fakeEksCluster({ enabledLogTypes: ['audit'] })]), [eksControlPlaneLogging], {
      checkOptions: config.checkOptions,
    });
    expect(findings.map((f) => [f.key, f.status])).toEqual([['LogType::audit', 'PASS']]);
  });

  test('JSON works too, and an empty file means defaults', () => {
    expect(parseConfig('{"checks": {}}', 'c.json', catalog).checkOptions).toEqual({});
    expect(parseConfig('', 'empty.yaml', catalog).checkOptions).toEqual({});
  });

  test('every problem is reported at once: unknown check, unknown option, wrong type, unknown top-level field', () => {
    const text = [
      'checks:',
      '  eks-nope: {}',
      '  eks-control-plane-logging:',
      '    requiredLogTypes: audit',
      '    logRetention: 90',
      '  eks-endpoint-not-public:',
      '    anything: 1',
      'colour: blue',
    ].join('\n');
    expect(() => parseConfig(text, 'bad.yaml', catalog)).toThrow(/unknown field|colour/);
    const withoutTopLevel = text.replace('colour: blue', '');
    try {
      parseConfig(withoutTopLevel, 'bad.yaml', catalog);
      throw new Error('expected a CONFIG_INVALID error');
    } catch (error) {
      const message = (error as Error).message;
      expect((error as { code?: string }).code).toBe('CONFIG_INVALID');
      expect(message).toContain('4 problems');
      expect(message).toContain('$.checks["eks-nope"]: no such check');
      expect(message).toContain('$.checks["eks-control-plane-logging"].requiredLogTypes: expected list of string, got string');
      expect(message).toContain('$.checks["eks-control-plane-logging"].logRetention: unknown option');
      expect(message).toContain('$.checks["eks-endpoint-not-public"].anything: eks-endpoint-not-public takes no options');
    }
  });

  test('a check without options refuses any', () => {
    expect(() => parseConfig('checks:\n  eks-endpoint-not-public:\n    x: 1\n', 'c.yaml', catalog)).toThrow(/takes no options/);
  });

  test('text that is not YAML is one clear error', () => {
    expect(() => parseConfig('checks: [unclosed', 'c.yaml', catalog)).toThrow(/not valid YAML or JSON/);
  });

  test('an option whose default is an empty list takes a list', () => {
    const withList = { ...eksEndpointNotPublic, id: 'eks-listy', defaultOptions: { allowed: [] as string[] } };
    expect(parseConfig('checks:\n  eks-listy:\n    allowed: [a, b]\n', 'c.yaml', [withList]).checkOptions).toEqual({ 'eks-listy': { allowed: ['a', 'b'] } });
    expect(() => parseConfig('checks:\n  eks-listy:\n    allowed: a\n', 'c.yaml', [withList])).toThrow(/expected list, got string/);
  });
});
