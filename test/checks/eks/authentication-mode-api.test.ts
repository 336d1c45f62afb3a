import { eksAuthenticationModeApi } from '../../../lib/checks/eks/authentication-mode-api';
import { unresolved } from '../../fixtures/model';
import { cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksAuthenticationModeApi;
const withMode = (authenticationMode: unknown) => cluster({ access: { authenticationMode: authenticationMode as string } });

describe('eks-authentication-mode-api', () => {
  test('API → PASS, keyed by the mode', () => {
    const prod = withMode('API');
    expect(judge(CHECK, [prod])).toEqual([{ checkId: CHECK.id, status: 'PASS', key: 'Mode::API', resource: prod.id }]);
  });

  test.each(['CONFIG_MAP', 'API_AND_CONFIG_MAP'])('%s → FAIL', (mode) => {
    expect(judge(CHECK, [withMode(mode)]).map((f) => [f.status, f.key])).toEqual([['FAIL', `Mode::${mode}`]]);
  });

  test('option allowApiAndConfigMap accepts the migration state, never CONFIG_MAP', () => {
    const options = { checkOptions: { allowApiAndConfigMap: true } };
    expect(statusesOf(judge(CHECK, [withMode('API_AND_CONFIG_MAP')], options))).toEqual(['PASS']);
    expect(statusesOf(judge(CHECK, [withMode('CONFIG_MAP')], options))).toEqual(['FAIL']);
  });

  test('a template parameter → UNKNOWN', () => expect(statusesOf(judge(CHECK, [withMode(unresolved('<AuthMode>'))]))).toEqual(['UNKNOWN']));

  test('clusters could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [withMode('CONFIG_MAP')], { coverage: coverageDenying('eks.cluster') })))).toEqual(new Set(['UNKNOWN']));
  });
});
