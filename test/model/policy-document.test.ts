import { InputError } from '../../lib/errors';
import {
  PolicyDocumentError,
  isUnresolved,
  parsePolicyDocument,
  policyDocumentSchema,
  unresolved,
  type PolicyDocument,
} from '../../lib/model';

/** Parses, then proves the output is canonical: it satisfies the schema and normalizing it again changes nothing. */
function parseCanonical(input: unknown): PolicyDocument {
  const doc = parsePolicyDocument(input);
  const checked = policyDocumentSchema.safeParse(doc);
  if (!checked.success) throw new Error(`output does not satisfy policyDocumentSchema: ${checked.error.message}`);
  expect(parsePolicyDocument(doc)).toEqual(doc);
  expect(parsePolicyDocument(JSON.stringify(doc))).toEqual(doc);
  return doc;
}

function errorOf(input: unknown): PolicyDocumentError {
  try {
    parsePolicyDocument(input);
  } catch (error) {
    return error as PolicyDocumentError;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

const TRUST_DOC = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'eks.amazonaws.com' },
      Action: 'sts:AssumeRole',
    },
  ],
};

const TRUST_CANONICAL: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: ['eks.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
};

describe('parsePolicyDocument: input forms', () => {
  it('decodes a URL-encoded document as IAM returns it (encodeURIComponent of the JSON)', () => {
    expect(parseCanonical(encodeURIComponent(JSON.stringify(TRUST_DOC)))).toEqual(TRUST_CANONICAL);
  });

  it('decodes a realistic literal from GetAccountAuthorizationDetails, spaces and newlines included', () => {
    const literal =
      '%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22%2C%0A%20%20%22Statement%22%3A%20%5B%0A%20%20%20%20%7B%0A' +
      '%20%20%20%20%20%20%22Sid%22%3A%20%22ReadLogs%22%2C%0A%20%20%20%20%20%20%22Effect%22%3A%20%22Allow%22%2C%0A' +
      '%20%20%20%20%20%20%22Action%22%3A%20%5B%22logs%3AGetLogEvents%22%2C%20%22logs%3AFilterLogEvents%22%5D%2C%0A' +
      '%20%20%20%20%20%20%22Resource%22%3A%20%22arn%3Aaws%3Alogs%3Aeu-west-1%3A111122223333%3Alog-group%3A%2Faws%2Feks%2Fprod%2Fcluster%3A*%22%0A' +
      '%20%20%20%20%7D%0A%20%20%5D%0A%7D';
    expect(parseCanonical(literal)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadLogs',
          Effect: 'Allow',
          Action: ['logs:GetLogEvents', 'logs:FilterLogEvents'],
          Resource: ['arn:aws:logs:eu-west-1:111122223333:log-group:/aws/eks/prod/cluster:*'],
        },
      ],
    });
  });

  it('decodes a compact encoded literal and one written with lower-case escapes', () => {
    const upper = '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Deny%22%2C%22Action%22%3A%22s3%3A*%22%2C%22Resource%22%3A%22*%22%7D%5D%7D';
    const expected: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['s3:*'], Resource: ['*'] }] };
    expect(parseCanonical(upper)).toEqual(expected);
    expect(parseCanonical(upper.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()))).toEqual(expected);
  });

  it('does not URL-decode a plain JSON string, so a literal % inside a value survives', () => {
    const text = JSON.stringify({
      Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/100%25/*' },
    });
    expect(parseCanonical(text).Statement[0]?.Resource).toEqual(['arn:aws:s3:::bucket/100%25/*']);
  });

  it('accepts plain JSON text with surrounding whitespace, as KMS and S3 return it', () => {
    expect(parseCanonical(`\n  ${JSON.stringify(TRUST_DOC, null, 2)}\n`)).toEqual(TRUST_CANONICAL);
  });

  it('accepts an object and does not mutate it', () => {
    const input = JSON.parse(JSON.stringify(TRUST_DOC));
    expect(parseCanonical(input)).toEqual(TRUST_CANONICAL);
    expect(input).toEqual(TRUST_DOC);
  });

  it('gives the same document from all three forms', () => {
    const forms = [TRUST_DOC, JSON.stringify(TRUST_DOC), encodeURIComponent(JSON.stringify(TRUST_DOC))];
    const parsed = forms.map((f) => parsePolicyDocument(f));
    expect(parsed[1]).toEqual(parsed[0]);
    expect(parsed[2]).toEqual(parsed[0]);
  });

  it('keeps Version and Id and omits them when absent', () => {
    expect(parseCanonical({ Version: '2012-10-17', Id: 'key-default-1', Statement: [] })).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [],
    });
    const bare = parseCanonical({ Statement: [] });
    expect(bare).toEqual({ Statement: [] });
    expect(Object.keys(bare)).toEqual(['Statement']);
  });
});

describe('parsePolicyDocument: canonical shape', () => {
  it('turns a single Statement object into a one-element array', () => {
    const doc = parseCanonical({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } });
    expect(doc.Statement).toEqual([{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }]);
  });

  it.each([
    ['Action', 'iam:PassRole', ['iam:PassRole']],
    ['NotAction', 'iam:*', ['iam:*']],
    ['Resource', 'arn:aws:iam::111122223333:role/x', ['arn:aws:iam::111122223333:role/x']],
    ['NotResource', '*', ['*']],
    ['Action', ['a:B', 'c:D'], ['a:B', 'c:D']],
    ['Resource', [], []],
  ] as const)('%s %j becomes %j', (field, value, expected) => {
    const doc = parseCanonical({ Statement: [{ Effect: 'Allow', [field]: value }] });
    expect(doc.Statement[0]).toEqual({ Effect: 'Allow', [field]: expected });
  });

  it.each([
    ['"*" stays "*"', '*', '*'],
    ['{AWS:"*"} becomes {AWS:["*"]}', { AWS: '*' }, { AWS: ['*'] }],
    ['a scalar AWS principal becomes a list', { AWS: 'arn:aws:iam::444455556666:root' }, { AWS: ['arn:aws:iam::444455556666:root'] }],
    [
      'several principal types, each a list',
      { Service: ['ec2.amazonaws.com', 'eks.amazonaws.com'], Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC' },
      {
        Service: ['ec2.amazonaws.com', 'eks.amazonaws.com'],
        Federated: ['arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC'],
      },
    ],
    ['CanonicalUser', { CanonicalUser: 'abc123' }, { CanonicalUser: ['abc123'] }],
  ])('Principal: %s', (_name, principal, expected) => {
    const doc = parseCanonical({ Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
    expect(doc.Statement[0]?.Principal).toEqual(expected);
  });

  it('keeps "*" and {AWS:["*"]} distinct', () => {
    const a = parsePolicyDocument({ Statement: [{ Effect: 'Allow', Principal: '*' }] });
    const b = parsePolicyDocument({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' } }] });
    expect(a.Statement[0]?.Principal).toBe('*');
    expect(b.Statement[0]?.Principal).toEqual({ AWS: ['*'] });
  });

  it('keeps NotAction, NotResource, NotPrincipal and Condition', () => {
    const doc = parseCanonical({
      Statement: [
        {
          Sid: 'DenyAllButMe',
          Effect: 'Deny',
          NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/admin' },
          NotAction: ['iam:Get*', 'iam:List*'],
          NotResource: 'arn:aws:iam::111122223333:role/admin',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
    expect(doc.Statement[0]).toEqual({
      Sid: 'DenyAllButMe',
      Effect: 'Deny',
      NotPrincipal: { AWS: ['arn:aws:iam::111122223333:role/admin'] },
      NotAction: ['iam:Get*', 'iam:List*'],
      NotResource: ['arn:aws:iam::111122223333:role/admin'],
      Condition: { Bool: { 'aws:SecureTransport': ['false'] } },
    });
  });

  it('turns boolean and number condition values into strings and scalar values into lists', () => {
    const doc = parseCanonical({
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:*',
          Condition: {
            Bool: { 'aws:MultiFactorAuthPresent': true, 'aws:SecureTransport': false },
            NumericLessThan: { 'aws:MultiFactorAuthAge': 3600, 's3:max-keys': [10, '20'] },
            StringEquals: { 'aws:SourceAccount': '111122223333' },
            'ForAnyValue:StringLike': { 'aws:TagKeys': ['team-*', 'env'] },
          },
        },
      ],
    });
    expect(doc.Statement[0]?.Condition).toEqual({
      Bool: { 'aws:MultiFactorAuthPresent': ['true'], 'aws:SecureTransport': ['false'] },
      NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600'], 's3:max-keys': ['10', '20'] },
      StringEquals: { 'aws:SourceAccount': ['111122223333'] },
      'ForAnyValue:StringLike': { 'aws:TagKeys': ['team-*', 'env'] },
    });
  });

  it('keeps Unresolved markers in place (Effect, list items, principal values, condition values)', () => {
    const doc = parseCanonical({
      Statement: [
        {
          Effect: unresolved('<EffectParam>'),
          Principal: { AWS: unresolved('<AdminRole.Arn>'), Federated: ['arn:aws:iam::111122223333:oidc-provider/x', unresolved('<Provider.Arn>')] },
          Action: ['sts:AssumeRoleWithWebIdentity', unresolved('<ExtraAction>')],
          Resource: unresolved('<Bucket.Arn>'),
          Condition: { StringEquals: { 'oidc:sub': unresolved('<Sub>'), 'oidc:aud': ['sts.amazonaws.com', unresolved('<Aud>')] } },
        },
      ],
    });
    expect(doc.Statement[0]).toEqual({
      Effect: { unresolved: '<EffectParam>' },
      Principal: {
        AWS: [{ unresolved: '<AdminRole.Arn>' }],
        Federated: ['arn:aws:iam::111122223333:oidc-provider/x', { unresolved: '<Provider.Arn>' }],
      },
      Action: ['sts:AssumeRoleWithWebIdentity', { unresolved: '<ExtraAction>' }],
      Resource: [{ unresolved: '<Bucket.Arn>' }],
      Condition: { StringEquals: { 'oidc:sub': [{ unresolved: '<Sub>' }], 'oidc:aud': ['sts.amazonaws.com', { unresolved: '<Aud>' }] } },
    });
  });

  it('keeps a principal or condition block a template computes as a whole as Unresolved, not as a principal type', () => {
    const doc = parseCanonical({
      Statement: [
        { Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Principal: { unresolved: '<P>' }, Condition: { unresolved: '<C>' } },
        { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: { unresolved: '<Account>' } }, Condition: { StringEquals: { unresolved: '<CfnJson>' } } },
      ],
    });
    expect(doc.Statement[0]).toMatchObject({ Principal: { unresolved: '<P>' }, Condition: { unresolved: '<C>' } });
    expect(doc.Statement[1]).toMatchObject({ Principal: { AWS: [{ unresolved: '<Account>' }] }, Condition: { unresolved: '<CfnJson>' } });
  });
});

describe('parsePolicyDocument: idempotence over a table of documents', () => {
  const documents: [string, unknown][] = [
    ['empty statement list', { Version: '2012-10-17', Statement: [] }],
    ['trust policy', TRUST_DOC],
    ['admin policy', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }],
    [
      'IRSA trust with conditions',
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC' },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:kube-system:aws-node',
                'oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com',
              },
            },
          },
        ],
      },
    ],
    [
      'KMS key policy',
      {
        Version: '2012-10-17',
        Id: 'key-consolepolicy-3',
        Statement: [
          { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
          {
            Sid: 'Allow use of the key',
            Effect: 'Allow',
            Principal: '*',
            Action: ['kms:Encrypt', 'kms:Decrypt'],
            Resource: '*',
            Condition: { StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': 'eks.eu-west-1.amazonaws.com' } },
          },
        ],
      },
    ],
    [
      'S3 deny-insecure-transport bucket policy',
      {
        Statement: [
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Resource: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'],
            Condition: { Bool: { 'aws:SecureTransport': false } },
          },
        ],
      },
    ],
    ['NotAction / NotResource', { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:iam::*:*' }] }],
    ['NotPrincipal', { Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: ['arn:aws:iam::111122223333:root'] }, Action: '*', Resource: '*' }] }],
    [
      'template document with unresolved values',
      {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: unresolved('<AWS::AccountId>') },
            Action: unresolved('<ActionsParam>'),
            Resource: [unresolved('<Key.Arn>')],
            Condition: { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': 300, 'aws:x': unresolved('<X>') } },
          },
        ],
      },
    ],
  ];

  it.each(documents)('%s: parse(parse(x)) equals parse(x) and satisfies the schema', (_name, input) => {
    const once = parsePolicyDocument(input);
    expect(policyDocumentSchema.safeParse(once).success).toBe(true);
    const twice = parsePolicyDocument(once);
    expect(twice).toEqual(once);
    expect(parsePolicyDocument(JSON.stringify(once))).toEqual(once);
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(input)))).toEqual(once);
  });

  it.each(documents)('%s: canonical lists everywhere', (_name, input) => {
    const doc = parsePolicyDocument(input);
    expect(Array.isArray(doc.Statement)).toBe(true);
    for (const s of doc.Statement) {
      for (const field of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
        if (s[field] !== undefined) expect(Array.isArray(s[field])).toBe(true);
      }
      for (const p of [s.Principal, s.NotPrincipal]) {
        if (p !== undefined && p !== '*' && !isUnresolved(p)) for (const v of Object.values(p)) expect(Array.isArray(v)).toBe(true);
      }
      const condition = s.Condition === undefined || isUnresolved(s.Condition) ? {} : s.Condition;
      for (const keys of Object.values(condition)) {
        for (const values of Object.values(keys)) {
          expect(Array.isArray(values)).toBe(true);
          for (const v of values) expect(typeof v === 'string' || (typeof v === 'object' && 'unresolved' in v)).toBe(true);
        }
      }
    }
  });
});

describe('parsePolicyDocument: errors', () => {
  it.each<[string, unknown, RegExp]>([
    ['null', null, /must be a JSON object/],
    ['a number', 42, /must be a JSON object/],
    ['an array', [{ Effect: 'Allow' }], /must be a JSON object/],
    ['a JSON array string', '[1,2]', /must be a JSON object/],
    ['a JSON string literal', '"text"', /must be a JSON object/],
    ['missing Statement', { Version: '2012-10-17' }, /needs a Statement/],
    ['Statement that is a string', { Statement: 'Allow' }, /Statement 0 must be an object/],
    ['second statement not an object', { Statement: [{ Effect: 'Allow' }, 7] }, /Statement 1 must be an object/],
    ['missing Effect', { Statement: [{ Action: '*' }] }, /Statement 0 has Effect undefined/],
    ['lower-case Effect', { Statement: [{ Effect: 'allow', Action: '*' }] }, /Statement 0 has Effect "allow"; expected Allow or Deny/],
    ['Effect not a string', { Statement: [{ Effect: true }] }, /Effect true/],
    ['numeric action', { Statement: [{ Effect: 'Allow', Action: 5 }] }, /Statement 0 Action must hold strings; found 5/],
    ['object action in a list', { Statement: [{ Effect: 'Allow', Action: ['s3:Get*', { x: 1 }] }] }, /Statement 0 Action must hold strings/],
    ['boolean resource', { Statement: [{ Effect: 'Allow', Resource: true }] }, /Statement 0 Resource must hold strings; found true/],
    ['null NotAction', { Statement: [{ Effect: 'Allow', NotAction: null }] }, /Statement 0 NotAction must hold strings; found null/],
    ['principal not * nor an object', { Statement: [{ Effect: 'Allow', Principal: 'arn:aws:iam::1:root' }] }, /Statement 0 Principal must be "\*" or an object/],
    ['principal value a number', { Statement: [{ Effect: 'Allow', Principal: { AWS: 123 } }] }, /Statement 0 Principal AWS must hold strings/],
    ['condition not an object', { Statement: [{ Effect: 'Allow', Condition: 'x' }] }, /Statement 0 Condition must be an object/],
    ['condition operator not an object', { Statement: [{ Effect: 'Allow', Condition: { StringEquals: 'x' } }] }, /Condition StringEquals must be an object/],
    ['condition value an object', { Statement: [{ Effect: 'Allow', Condition: { StringEquals: { k: { a: 1 } } } }] }, /Condition StringEquals k must hold strings/],
    ['invalid JSON', '{"Statement": [', /not valid JSON/],
    ['empty text', '', /not valid JSON/],
    ['URL-encoded invalid JSON', encodeURIComponent('{"Statement": ['), /not valid JSON/],
    ['invalid URL encoding', '%7B%22Statement%22%3A%ZZ%7D', /not valid URL-encoded text/],
    ['truncated URL escape', '%7B%E2%82', /not valid URL-encoded text/],
    ['a misspelt statement field is not read as "no actions"', { Statement: [{ Effect: 'Allow', Actions: '*', Resource: '*' }] }, /Statement 0 has unknown field "Actions"/],
    ['an unknown document field', { Statement: [], Statment: [] }, /unknown field "Statment"/],
    ['a Sid that is not a string', { Statement: [{ Sid: 1, Effect: 'Allow' }] }, /Statement 0 Sid must be a string/],
    ['a Version that is not a string', { Version: 2012, Statement: [] }, /Version must be a string/],
  ])('%s', (_name, input, message) => {
    const error = errorOf(input);
    expect(error).toBeInstanceOf(PolicyDocumentError);
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('POLICY_DOCUMENT_INVALID');
    expect(error.name).toBe('PolicyDocumentError');
    expect(error.message).toMatch(message);
  });
});
