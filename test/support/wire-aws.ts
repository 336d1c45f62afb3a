import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny AWS endpoint on 127.0.0.1 speaking the real wire protocols for a handful of operations
 * (STS query/XML, EC2 query/XML, EKS REST-JSON): enough to prove that `--endpoint-url` sends every
 * client to an emulator and that the SDK's own (de)serializers run. Anything else answers AccessDenied.
 */
export interface WireCluster {
  readonly name: string;
  readonly region: string;
  readonly publicCidrs?: string[];
}

export interface WireAws {
  readonly url: string;
  readonly requests: { method: string; path: string; region: string; service: string; accessKeyId: string; action?: string; body: string }[];
  close(): Promise<void>;
}

export async function startWireAws(account: string, clusters: readonly WireCluster[], regions: readonly string[]): Promise<WireAws> {
  const requests: WireAws['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const scope = credentialScope(req);
      const action = new URLSearchParams(body).get('Action') ?? undefined;
      requests.push({ method: req.method ?? '', path: req.url ?? '', ...scope, ...(action ? { action } : {}), body });
      try {
        route(req, res, body, scope, account, clusters, regions);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error) }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** SigV4's credential scope names the region and service the SDK signed for. */
function credentialScope(req: IncomingMessage): { region: string; service: string; accessKeyId: string } {
  const match = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '');
  return { accessKeyId: match?.[1] ?? 'unknown', region: match?.[2] ?? 'unknown', service: match?.[3] ?? 'unknown' };
}

function route(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  scope: { region: string; service: string; accessKeyId: string },
  account: string,
  clusters: readonly WireCluster[],
  regions: readonly string[],
): void {
  const form = new URLSearchParams(body);
  const action = form.get('Action');
  if (scope.service === 'sts' && action === 'GetCallerIdentity') {
    return xml(
      res,
      `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${account}:user/auditor</Arn><UserId>AIDAWIRE</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>wire-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
  }
  if (scope.service === 'sts' && action === 'AssumeRole') {
    const expires = new Date(Date.now() + 3600_000).toISOString();
    return xml(
      res,
      `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIAASSUMEDROLE</AccessKeyId><SecretAccessKey>assumed-secret</SecretAccessKey><SessionToken>assumed-token</SessionToken><Expiration>${expires}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAWIRE:hardeks</AssumedRoleId><Arn>arn:aws:sts::${account}:assumed-role/Auditor/hardeks</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>wire-3</RequestId></ResponseMetadata></AssumeRoleResponse>`,
    );
  }
  if (scope.service === 'ec2' && action === 'DescribeRegions') {
    const items = regions.map((r) => `<item><regionName>${r}</regionName><regionEndpoint>ec2.${r}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`).join('');
    return xml(res, `<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>wire-2</requestId><regionInfo>${items}</regionInfo></DescribeRegionsResponse>`);
  }
  if (scope.service === 'eks') {
    const path = (req.url ?? '').split('?')[0]!;
    const here = clusters.filter((c) => c.region === scope.region);
    if (path === '/clusters') return json(res, 200, { clusters: here.map((c) => c.name) });
    if (path === '/cluster-versions') return json(res, 200, { clusterVersions: [] });
    const one = /^\/clusters\/([^/]+)$/.exec(path);
    if (one) {
      const c = here.find((x) => x.name === decodeURIComponent(one[1]!));
      if (!c) return json(res, 404, { message: 'No cluster found' }, 'ResourceNotFoundException');
      return json(res, 200, { cluster: wireCluster(c, account) });
    }
    const sub = /^\/clusters\/[^/]+\/(node-groups|addons|access-entries|pod-identity-associations|identity-provider-configs)$/.exec(path);
    if (sub) {
      const field = { 'node-groups': 'nodegroups', addons: 'addons', 'access-entries': 'accessEntries', 'pod-identity-associations': 'associations', 'identity-provider-configs': 'identityProviderConfigs' }[sub[1]!]!;
      return json(res, 200, { [field]: [] });
    }
  }
  // Everything else: denied, in the protocol's own shape, so collection records ACCESS_DENIED.
  if (action) {
    res.writeHead(403, { 'content-type': 'text/xml' }).end(`<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>denied by the wire test server</Message></Error><RequestId>wire-x</RequestId></ErrorResponse>`);
    return;
  }
  json(res, 403, { message: 'denied by the wire test server' }, 'AccessDeniedException');
}

function wireCluster(c: WireCluster, account: string) {
  const isPublic = (c.publicCidrs ?? []).length > 0;
  return {
    name: c.name,
    arn: `arn:aws:eks:${c.region}:${account}:cluster/${c.name}`,
    version: '1.33',
    status: 'ACTIVE',
    createdAt: 1_760_000_000,
    resourcesVpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: [], vpcId: 'vpc-1', endpointPublicAccess: isPublic, endpointPrivateAccess: true, publicAccessCidrs: c.publicCidrs ?? [] },
    logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: true }] },
    encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: `arn:aws:kms:${c.region}:${account}:key/k` } }],
    accessConfig: { authenticationMode: 'API' },
    tags: {},
  };
}

function xml(res: ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': 'text/xml' }).end(text);
}

function json(res: ServerResponse, status: number, value: unknown, errorType?: string): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) }).end(JSON.stringify(value));
}
