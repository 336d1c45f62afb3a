import { parseTemplateText } from '../../../lib/sources/cloudformation/parse';
import { TemplateScope } from '../../../lib/sources/cloudformation/scope';
import { TemplateError, type CfnTemplate, type TemplateOptions } from '../../../lib/sources/cloudformation/types';
import { mapped } from './fixture';

const TEMPLATE: CfnTemplate = {
  Parameters: {
    Env: { Type: 'String', Default: 'prod' },
    Cidr: { Type: 'String' },
    Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-a, subnet-b' },
    Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: '/aws/service/ami' },
  },
  Mappings: { Sizes: { prod: { Nodes: '3' } } },
  Conditions: {
    IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
    IsOpen: { 'Fn::Equals': [{ Ref: 'Cidr' }, '0.0.0.0/0'] },
    ProdAndOpen: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'IsOpen' }] },
    NotProdAndOpen: { 'Fn::And': [{ 'Fn::Not': [{ Condition: 'IsProd' }] }, { Condition: 'IsOpen' }] },
    ProdOrOpen: { 'Fn::Or': [{ Condition: 'IsOpen' }, { Condition: 'IsProd' }] },
  },
  Resources: {
    Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'app' } },
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    Cluster: { Type: 'AWS::EKS::Cluster', Properties: {} },
    Provider: { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: { 'Fn::GetAtt': ['Cluster', 'OpenIdConnectIssuerUrl'] } } },
    Json: {
      Type: 'Custom::AWSCDKCfnJson',
      Properties: {
        Value: {
          'Fn::Join': ['', ['{"', { 'Fn::Select': [1, { 'Fn::Split': [':oidc-provider/', { Ref: 'Provider' }] }] }, ':sub":"system:serviceaccount:', { Ref: 'Env' }, ':app","team":"', { Ref: 'Cidr' }, '"}']],
        },
      },
    },
    BadJson: { Type: 'Custom::AWSCDKCfnJson', Properties: { Value: { 'Fn::Join': ['', ['{"a":', { Ref: 'Cidr' }, '}']] } } },
    OnlyInDev: { Type: 'AWS::KMS::Key', Condition: 'NotProd', Properties: {} },
  },
};
(TEMPLATE.Conditions as Record<string, unknown>).NotProd = { 'Fn::Not': [{ Condition: 'IsProd' }] };

function evaluate(node: unknown, options: Partial<TemplateOptions> = {}) {
  return new TemplateScope(TEMPLATE, { stack: 'S', ...options }).evaluator.resolve(node);
}
const u = (text: string) => ({ unresolved: text });

describe('Ref', () => {
  test.each([
    ['a parameter default', { Ref: 'Env' }, 'prod'],
    ['a parameter without default', { Ref: 'Cidr' }, u('<Cidr>')],
    ['an SSM parameter: its default is a lookup key, not the value', { Ref: 'Ami' }, u('<Ami>')],
    ['a list parameter', { Ref: 'Subnets' }, ['subnet-a', 'subnet-b']],
    ['a pseudo-parameter not given', { Ref: 'AWS::AccountId' }, u('<AWS::AccountId>')],
    ['a resource with a literal name', { Ref: 'Role' }, 'app'],
    ['a resource without one: its id', { Ref: 'Key' }, 'cfn:S/Key'],
    ['an unknown name', { Ref: 'Nope' }, u('<Nope>')],
  ])('%s', (_name, node, expected) => expect(evaluate(node)).toEqual(expected));

  test('overrides win over defaults, pseudo-parameters can be given, the partition follows the region', () => {
    expect(evaluate({ Ref: 'Env' }, { parameters: { Env: 'dev' } })).toBe('dev');
    expect(evaluate({ Ref: 'AWS::AccountId' }, { parameters: { 'AWS::AccountId': '111122223333' } })).toBe('111122223333');
    expect(evaluate({ Ref: 'AWS::Partition' }, { region: 'cn-north-1' })).toBe('aws-cn');
    expect(evaluate({ Ref: 'AWS::URLSuffix' }, { region: 'eu-west-1' })).toBe('amazonaws.com');
  });

  test('AWS::NoValue removes the property or list element', () => {
    expect(evaluate({ A: { Ref: 'AWS::NoValue' }, B: [1, { Ref: 'AWS::NoValue' }, 2] })).toEqual({ B: [1, 2] });
  });
});

describe('Fn::GetAtt', () => {
  test('both forms; an ARN with unknown parts is the id; a known property; an unknowable attribute', () => {
    expect(evaluate({ 'Fn::GetAtt': ['Role', 'Arn'] })).toBe('cfn:S/Role');
    expect(evaluate({ 'Fn::GetAtt': 'Role.Arn' }, { accountId: '111122223333', region: 'eu-west-1' })).toBe('arn:aws:iam::111122223333:role/app');
    expect(evaluate({ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] })).toBe('10.0.0.0/16');
    expect(evaluate({ 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] })).toEqual(u('<Vpc.DefaultSecurityGroup>'));
  });
});

describe('Fn::Join and Fn::Sub', () => {
  test('known parts join to a string; unknown parts give one readable Unresolved', () => {
    expect(evaluate({ 'Fn::Join': ['-', ['a', { Ref: 'Env' }]] })).toBe('a-prod');
    expect(evaluate({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] })).toEqual(
      u('arn:<AWS::Partition>:iam::<AWS::AccountId>:root'),
    );
    expect(evaluate({ 'Fn::Join': [',', { Ref: 'Cidr' }] })).toEqual(u('<Fn::Join <Cidr>>'));
  });

  test('Sub: parameters, attributes, escaped literals, and the variable-map form', () => {
    expect(evaluate({ 'Fn::Sub': '${Env}-${Role.Arn}-${!Literal}' })).toBe('prod-cfn:S/Role-${Literal}');
    expect(evaluate({ 'Fn::Sub': ['${Name}.${AWS::Region}', { Name: { Ref: 'Env' } }] })).toEqual(u('prod.<AWS::Region>'));
    expect(evaluate({ 'Fn::Sub': '${Cidr}' })).toEqual(u('<Cidr>'));
  });
});

describe('Fn::Select and Fn::Split', () => {
  test('on known values, on unknown lists, out of range', () => {
    expect(evaluate({ 'Fn::Select': ['1', { 'Fn::Split': [',', 'a,b,c'] }] })).toBe('b');
    expect(evaluate({ 'Fn::Select': [0, { Ref: 'Cidr' }] })).toEqual(u('<Cidr>[0]'));
    expect(evaluate({ 'Fn::Select': [5, ['a']] })).toEqual(u('<Fn::Select 5 out of range>'));
  });

  test('splitting a partly unknown string on known text keeps the unknown parts in place', () => {
    expect(evaluate({ 'Fn::Select': [1, { 'Fn::Split': ['::', { 'Fn::Sub': 'x::${Cidr}/y' }] }] })).toEqual(u('<Cidr>/y'));
    // An OIDC provider's ARN ends in its issuer; one only known after deployment is named by the provider's id, as Ref names it.
    expect(evaluate({ 'Fn::Select': [1, { 'Fn::Split': [':oidc-provider/', { Ref: 'Provider' }] }] })).toBe('cfn:S/Provider');
    expect(evaluate({ Ref: 'Provider' })).toBe('cfn:S/Provider');
  });
});

describe('conditions and Fn::If', () => {
  const scope = () => new TemplateScope(TEMPLATE, { stack: 'S' });
  test.each([
    ['IsProd', true],
    ['IsOpen', u('<Condition IsOpen>')],
    ['ProdAndOpen', u('<Condition ProdAndOpen>')],
    ['NotProdAndOpen', false],
    ['ProdOrOpen', true],
  ])('%s → %j', (name, expected) => expect(scope().evaluator.condition(name)).toEqual(expected));

  test('decidable conditions pick a branch; undecidable ones are unresolved unless both branches agree', () => {
    expect(evaluate({ 'Fn::If': ['IsProd', 'big', 'small'] })).toBe('big');
    expect(evaluate({ 'Fn::If': ['IsOpen', 'a', 'b'] })).toEqual(u('<Fn::If IsOpen>'));
    expect(evaluate({ 'Fn::If': ['IsOpen', 'same', 'same'] })).toBe('same');
    expect(evaluate({ X: { 'Fn::If': ['IsProd', { Ref: 'AWS::NoValue' }, 1] } })).toEqual({});
  });

  test('a resource whose condition is false is not created; an overridden parameter changes that', () => {
    expect(mapped(TEMPLATE).inventory.resources['kms.key']!.map((k) => k.id)).toEqual(['cfn:Test/Key']);
    expect(mapped(TEMPLATE, { parameters: { Env: 'dev' } }).inventory.resources['kms.key']!.map((k) => k.id)).toEqual(['cfn:Test/Key', 'cfn:Test/OnlyInDev']);
  });
});

describe('other functions', () => {
  test('FindInMap, ImportValue, GetAZs, Base64 and nesting', () => {
    expect(evaluate({ 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Nodes'] })).toBe('3');
    expect(evaluate({ 'Fn::FindInMap': ['Sizes', 'dev', 'Nodes', { DefaultValue: '1' }] })).toBe('1');
    expect(evaluate({ 'Fn::ImportValue': { 'Fn::Sub': '${Env}-VpcId' } })).toEqual(u('<ImportValue prod-VpcId>'));
    expect(evaluate({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] })).toEqual(u('<AvailabilityZones>[0]'));
    expect(evaluate({ 'Fn::Base64': 'hi' })).toBe('aGk=');
  });
});

describe('Custom::AWSCDKCfnJson', () => {
  test('the Value is parsed; unknown values stay Unresolved and unknown keys keep their placeholder text', () => {
    expect(evaluate({ 'Fn::GetAtt': ['Json', 'Value'] })).toEqual({
      'cfn:S/Provider:sub': 'system:serviceaccount:prod:app',
      team: u('<Cidr>'),
    });
    expect(evaluate({ 'Fn::GetAtt': ['Json', 'Value'] }, { parameters: { Env: 'dev', Cidr: 'x' } })).toEqual({ 'cfn:S/Provider:sub': 'system:serviceaccount:dev:app', team: 'x' });
  });

  test('an unknown key stays readable: `<Param>:sub`', () => {
    const scope = new TemplateScope(
      { Parameters: { Issuer: { Type: 'String' } }, Resources: { J: { Type: 'Custom::AWSCDKCfnJson', Properties: { Value: { 'Fn::Join': ['', ['{"', { Ref: 'Issuer' }, ':sub":"x"}']] } } } } },
      { stack: 'S' },
    );
    expect(scope.evaluator.resolve({ 'Fn::GetAtt': ['J', 'Value'] })).toEqual({ '<Issuer>:sub': 'x' });
  });

  test('text that is not JSON once the unknowns are in makes the whole value unresolved', () => {
    expect(evaluate({ 'Fn::GetAtt': ['BadJson', 'Value'] })).toEqual(u('<BadJson.Value>'));
  });
});

describe('YAML short forms', () => {
  test('every tag reads as its long form, in scalar, sequence and mapping position', () => {
    const { template } = parseTemplateText(
      [
        'Resources:',
        '  R:',
        '    Type: AWS::KMS::Key',
        '    Properties:',
        '      A: !Ref Env',
        '      B: !GetAtt Role.Arn',
        '      C: !Sub "${Env}-x"',
        '      D: !Join [",", [a, !Ref Env]]',
        '      E: !Select [0, !Split [",", "a,b"]]',
        '      F: !If [IsProd, !Base64 x, !ImportValue y]',
        '      G: !FindInMap [Sizes, !Ref Env, Nodes]',
        '      H: !Equals [!Ref Env, prod]',
        '      I: !Sub ["${X}", { X: !GetAZs "" }]',
        '      J: !Base64 { "Fn::Sub": "x" }',
      ].join('\n'),
    );
    expect(template.Resources.R!.Properties).toEqual({
      A: { Ref: 'Env' },
      B: { 'Fn::GetAtt': ['Role', 'Arn'] },
      C: { 'Fn::Sub': '${Env}-x' },
      D: { 'Fn::Join': [',', ['a', { Ref: 'Env' }]] },
      E: { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] },
      F: { 'Fn::If': ['IsProd', { 'Fn::Base64': 'x' }, { 'Fn::ImportValue': 'y' }] },
      G: { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Nodes'] },
      H: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      I: { 'Fn::Sub': ['${X}', { X: { 'Fn::GetAZs': '' } }] },
      J: { 'Fn::Base64': { 'Fn::Sub': 'x' } },
    });
  });

  test.each([
    ['YAML that does not parse', 'Resources: [a\n'],
    ['JSON that does not parse', '{"Resources": '],
    ['no Resources section', 'Description: nothing\n'],
    ['a resource without a Type', 'Resources:\n  R:\n    Properties: {}\n'],
  ])('%s is a TemplateError', (_name, text) => expect(() => parseTemplateText(text)).toThrow(TemplateError));
});
