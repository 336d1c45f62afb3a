/**
 * `hardeks/constructs`: CDK constructs (HardenedEksCluster, account baseline, scheduled audit).
 * aws-cdk-lib is imported only under constructs/ and bin/; the entry point is reserved in
 * package.json `exports` so the import path is stable before the constructs land.
 */
export {};
