import type { PolicyDocument } from '../../model';

/**
 * The default-version documents of AWS managed policies that EKS clusters and CDK stacks commonly
 * attach. A template names these policies by ARN only; with the document at hand, the roles that
 * attach them are judged before deployment instead of staying UNKNOWN.
 *
 * These are facts with a date: each record names the version it holds, the day AWS created that
 * version and where the document was read (mirrors of IAM's GetPolicyVersion output, or AWS's
 * managed policy reference). AWS revises managed policies, almost always by adding permissions, so
 * the current default version may grant more than recorded here; the live audit reads the current
 * one. The documents are the `aws` partition's: other partitions publish their own, and a template
 * whose partition is known to be another one keeps them unresolved.
 *
 * Refreshing: replace a record's document, version and source together, from the policy's current
 * default version (`aws iam get-policy-version --policy-arn <arn> --version-id <default>`), in the
 * canonical form `parsePolicyDocument` produces (the test checks that).
 */
export interface AwsManagedPolicyRecord {
  readonly name: string;
  /** The path in the policy's ARN: `/`, or `/service-role/` for the Lambda execution policies. */
  readonly path: string;
  /** The default version the document is, e.g. `v3`. */
  readonly versionId: string;
  /** The day AWS created that version (UTC). */
  readonly versionDate: string;
  /** Where the document was read. */
  readonly source: string;
  readonly document: PolicyDocument;
}

/** The day the documents below were read from their sources. */
export const AWS_MANAGED_POLICIES_READ_ON = '2026-11-26';

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicyRecord[] = [
  {
    name: 'AdministratorAccess',
    path: '/',
    versionId: 'v1',
    versionDate: '2015-02-06',
    source: 'https://github.com/zoph-io/MAMIP/blob/1b36617981d5e8905ceb82b8dcbd892340a023ba/policies/AdministratorAccess',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['*'],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AmazonEC2ContainerRegistryPullOnly',
    path: '/',
    versionId: 'v1',
    versionDate: '2024-10-04',
    source: 'https://github.com/zoph-io/MAMIP/blob/7e46c8fa3da41cb60c233c5de8afca67984109a4/policies/AmazonEC2ContainerRegistryPullOnly',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchImportUpstreamImage'],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AmazonEC2ContainerRegistryReadOnly',
    path: '/',
    versionId: 'v3',
    versionDate: '2019-12-10',
    source: 'https://github.com/zoph-io/MAMIP/blob/24b649d3de6c701785bb4af34462aa8ee26f1528/policies/AmazonEC2ContainerRegistryReadOnly',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'ecr:GetAuthorizationToken',
            'ecr:BatchCheckLayerAvailability',
            'ecr:GetDownloadUrlForLayer',
            'ecr:GetRepositoryPolicy',
            'ecr:DescribeRepositories',
            'ecr:ListImages',
            'ecr:DescribeImages',
            'ecr:BatchGetImage',
            'ecr:GetLifecyclePolicy',
            'ecr:GetLifecyclePolicyPreview',
            'ecr:ListTagsForResource',
            'ecr:DescribeImageScanFindings',
          ],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AmazonEKSBlockStoragePolicy',
    path: '/',
    versionId: 'v1',
    versionDate: '2024-10-30',
    source: 'https://github.com/zoph-io/MAMIP/blob/d7b3038c1742313cc18d3653373e125506b965e7/policies/AmazonEKSBlockStoragePolicy',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['ec2:AttachVolume', 'ec2:DetachVolume', 'ec2:ModifyVolume', 'ec2:EnableFastSnapshotRestores'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'aws:ResourceTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateTags'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'ec2:CreateAction': ['CreateVolume', 'CreateSnapshot'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateVolume'],
          Resource: ['arn:aws:ec2:*:*:volume/*'],
          Condition: {
            'ForAllValues:StringLike': {
              'aws:TagKeys': [
                'eks:eks-cluster-name',
                'CSIVolumeName',
                'ebs.csi.eks.amazonaws.com/cluster',
                'kubernetes.io/cluster/*',
                'kubernetes.io/created-for/*',
                'Name',
                'KubernetesCluster',
              ],
            },
            StringEquals: {
              'aws:RequestTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateVolume'],
          Resource: ['arn:aws:ec2:*:*:snapshot/*'],
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateSnapshot'],
          Resource: ['arn:aws:ec2:*:*:volume/*'],
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateSnapshot'],
          Resource: ['arn:aws:ec2:*:*:snapshot/*'],
          Condition: {
            'ForAllValues:StringLike': {
              'aws:TagKeys': ['eks:eks-cluster-name', 'CSIVolumeSnapshotName', 'ebs.csi.eks.amazonaws.com/cluster', 'kubernetes.io/cluster/*', 'Name'],
            },
            StringEquals: {
              'aws:RequestTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
      ],
    },
  },
  {
    name: 'AmazonEKSClusterPolicy',
    path: '/',
    versionId: 'v9',
    versionDate: '2026-02-11',
    source: 'https://github.com/zoph-io/MAMIP/blob/05dbde589a0198b0720138175fd06dba3ff05b66/policies/AmazonEKSClusterPolicy',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AmazonEKSClusterPolicy',
          Effect: 'Allow',
          Action: [
            'autoscaling:DescribeAutoScalingGroups',
            'autoscaling:UpdateAutoScalingGroup',
            'ec2:AttachVolume',
            'ec2:AuthorizeSecurityGroupIngress',
            'ec2:CreateRoute',
            'ec2:CreateSecurityGroup',
            'ec2:CreateTags',
            'ec2:CreateVolume',
            'ec2:DeleteRoute',
            'ec2:DeleteSecurityGroup',
            'ec2:DeleteVolume',
            'ec2:DescribeInstances',
            'ec2:DescribeRouteTables',
            'ec2:DescribeSecurityGroups',
            'ec2:DescribeSubnets',
            'ec2:DescribeVolumes',
            'ec2:DescribeVolumesModifications',
            'ec2:DescribeVpcs',
            'ec2:DescribeDhcpOptions',
            'ec2:DescribeNetworkInterfaces',
            'ec2:DescribeAvailabilityZones',
            'ec2:DetachVolume',
            'ec2:ModifyInstanceAttribute',
            'ec2:ModifyVolume',
            'ec2:RevokeSecurityGroupIngress',
            'ec2:DescribeAccountAttributes',
            'ec2:DescribeAddresses',
            'ec2:DescribeInternetGateways',
            'ec2:DescribeInstanceTopology',
            'elasticloadbalancing:AddTags',
            'elasticloadbalancing:ApplySecurityGroupsToLoadBalancer',
            'elasticloadbalancing:AttachLoadBalancerToSubnets',
            'elasticloadbalancing:ConfigureHealthCheck',
            'elasticloadbalancing:CreateListener',
            'elasticloadbalancing:CreateLoadBalancer',
            'elasticloadbalancing:CreateLoadBalancerListeners',
            'elasticloadbalancing:CreateLoadBalancerPolicy',
            'elasticloadbalancing:CreateTargetGroup',
            'elasticloadbalancing:DeleteListener',
            'elasticloadbalancing:DeleteLoadBalancer',
            'elasticloadbalancing:DeleteLoadBalancerListeners',
            'elasticloadbalancing:DeleteTargetGroup',
            'elasticloadbalancing:DeregisterInstancesFromLoadBalancer',
            'elasticloadbalancing:DeregisterTargets',
            'elasticloadbalancing:DescribeListeners',
            'elasticloadbalancing:DescribeLoadBalancerAttributes',
            'elasticloadbalancing:DescribeLoadBalancerPolicies',
            'elasticloadbalancing:DescribeLoadBalancers',
            'elasticloadbalancing:DescribeTargetGroupAttributes',
            'elasticloadbalancing:DescribeTargetGroups',
            'elasticloadbalancing:DescribeTargetHealth',
            'elasticloadbalancing:DetachLoadBalancerFromSubnets',
            'elasticloadbalancing:ModifyListener',
            'elasticloadbalancing:ModifyLoadBalancerAttributes',
            'elasticloadbalancing:ModifyTargetGroup',
            'elasticloadbalancing:ModifyTargetGroupAttributes',
            'elasticloadbalancing:RegisterInstancesWithLoadBalancer',
            'elasticloadbalancing:RegisterTargets',
            'elasticloadbalancing:SetLoadBalancerPoliciesForBackendServer',
            'elasticloadbalancing:SetLoadBalancerPoliciesOfListener',
            'kms:DescribeKey',
          ],
          Resource: ['*'],
        },
        {
          Sid: 'AmazonEKSClusterPolicySLRCreate',
          Effect: 'Allow',
          Action: ['iam:CreateServiceLinkedRole'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'iam:AWSServiceName': ['elasticloadbalancing.amazonaws.com'],
            },
          },
        },
        {
          Sid: 'AmazonEKSClusterPolicyENIDelete',
          Effect: 'Allow',
          Action: ['ec2:DeleteNetworkInterface'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'ec2:ResourceTag/eks:eni:owner': ['amazon-vpc-cni'],
            },
          },
        },
      ],
    },
  },
  {
    name: 'AmazonEKSComputePolicy',
    path: '/',
    versionId: 'v5',
    versionDate: '2026-02-12',
    source: 'https://github.com/zoph-io/MAMIP/blob/15560a95d147bd80364730e31b111c173ff7d8bc/policies/AmazonEKSComputePolicy',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['ec2:CreateFleet', 'ec2:RunInstances'],
          Resource: ['arn:aws:ec2:*:*:capacity-reservation/*', 'arn:aws:ec2:*::image/*', 'arn:aws:ec2:*:*:security-group/*', 'arn:aws:ec2:*:*:subnet/*'],
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateFleet', 'ec2:RunInstances'],
          Resource: ['arn:aws:ec2:*:*:launch-template/*'],
          Condition: {
            StringEquals: {
              'aws:ResourceTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateFleet', 'ec2:RunInstances', 'ec2:CreateLaunchTemplate'],
          Resource: ['*'],
          Condition: {
            StringLike: {
              'aws:RequestTag/eks:kubernetes-node-class-name': ['*'],
              'aws:RequestTag/eks:kubernetes-node-pool-name': ['*'],
            },
            'ForAllValues:StringLike': {
              'aws:TagKeys': ['eks:eks-cluster-name', 'eks:kubernetes-node-class-name', 'eks:kubernetes-node-pool-name', 'kubernetes.io/cluster/*'],
            },
            StringEquals: {
              'aws:RequestTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateTags'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'ec2:CreateAction': ['CreateFleet', 'RunInstances', 'CreateLaunchTemplate'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['iam:AddRoleToInstanceProfile'],
          Resource: ['arn:aws:iam::*:instance-profile/eks*'],
        },
        {
          Effect: 'Allow',
          Action: ['iam:PassRole'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'iam:PassedToService': ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['iam:CreateServiceLinkedRole'],
          Resource: ['arn:aws:iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot'],
          Condition: {
            StringEquals: {
              'iam:AWSServiceName': ['spot.amazonaws.com'],
            },
          },
        },
      ],
    },
  },
  {
    name: 'AmazonEKSLoadBalancingPolicy',
    path: '/',
    versionId: 'v4',
    versionDate: '2026-02-12',
    source: 'https://github.com/zoph-io/MAMIP/blob/0af4f36e3bde11c8a0909de9cea5df5a8e654e06/policies/AmazonEKSLoadBalancingPolicy',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'elasticloadbalancing:CreateLoadBalancer',
            'elasticloadbalancing:CreateTargetGroup',
            'elasticloadbalancing:CreateListener',
            'elasticloadbalancing:CreateRule',
            'ec2:CreateSecurityGroup',
          ],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'aws:RequestTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
            'ForAllValues:StringEquals': {
              'aws:TagKeys': [
                'eks:eks-cluster-name',
                'ingress.eks.amazonaws.com/stack',
                'ingress.eks.amazonaws.com/resource',
                'service.eks.amazonaws.com/stack',
                'service.eks.amazonaws.com/resource',
              ],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateSecurityGroup'],
          Resource: ['arn:aws:ec2:*:*:vpc/*'],
        },
        {
          Effect: 'Allow',
          Action: ['elasticloadbalancing:RegisterTargets'],
          Resource: ['arn:aws:elasticloadbalancing:*:*:targetgroup/*/*'],
          Condition: {
            StringEquals: {
              'aws:ResourceTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:AuthorizeSecurityGroupIngress'],
          Resource: ['arn:aws:ec2:*:*:security-group-rule/*'],
          Condition: {
            StringEquals: {
              'aws:RequestTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
          Resource: ['arn:aws:ec2:*:*:security-group/*'],
          Condition: {
            StringLike: {
              'aws:ResourceTag/Name': ['eks-cluster-sg*'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
          Resource: ['arn:aws:ec2:*:*:security-group/*'],
          Condition: {
            StringEquals: {
              'aws:ResourceTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['elasticloadbalancing:AddTags'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'elasticloadbalancing:CreateAction': ['CreateLoadBalancer', 'CreateTargetGroup', 'CreateListener', 'CreateRule'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateTags'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'ec2:CreateAction': ['CreateSecurityGroup', 'AuthorizeSecurityGroupIngress'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: [
            'elasticloadbalancing:ModifyLoadBalancerAttributes',
            'elasticloadbalancing:SetIpAddressType',
            'elasticloadbalancing:SetSecurityGroups',
            'elasticloadbalancing:SetSubnets',
            'elasticloadbalancing:ModifyTargetGroup',
            'elasticloadbalancing:ModifyTargetGroupAttributes',
            'elasticloadbalancing:ModifyListener',
            'elasticloadbalancing:AddListenerCertificates',
            'elasticloadbalancing:ModifyListenerAttributes',
            'elasticloadbalancing:RemoveListenerCertificates',
            'elasticloadbalancing:ModifyRule',
          ],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'aws:ResourceTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['wafv2:AssociateWebACL', 'wafv2:DisassociateWebACL'],
          Resource: ['arn:aws:wafv2:*:*:*/webacl/*/*', 'arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*'],
        },
        {
          Effect: 'Allow',
          Action: ['shield:CreateProtection'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'aws:RequestTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
            'ForAllValues:StringEquals': {
              'aws:TagKeys': [
                'eks:eks-cluster-name',
                'ingress.eks.amazonaws.com/stack',
                'ingress.eks.amazonaws.com/resource',
                'service.eks.amazonaws.com/stack',
                'service.eks.amazonaws.com/resource',
              ],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['shield:DeleteProtection'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'aws:ResourceTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['shield:TagResource'],
          Resource: ['arn:aws:shield::*:protection/*'],
          Condition: {
            StringEquals: {
              'aws:RequestTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
            'ForAllValues:StringEquals': {
              'aws:TagKeys': [
                'eks:eks-cluster-name',
                'ingress.eks.amazonaws.com/stack',
                'ingress.eks.amazonaws.com/resource',
                'service.eks.amazonaws.com/stack',
                'service.eks.amazonaws.com/resource',
              ],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: [
            'cognito-idp:DescribeUserPoolClient',
            'acm:ListCertificates',
            'acm:DescribeCertificate',
            'wafv2:GetWebACL',
            'wafv2:GetWebACLForResource',
            'elasticloadbalancing:SetWebAcl',
            'elasticloadbalancing:DescribeTargetGroups',
          ],
          Resource: ['*'],
        },
        {
          Effect: 'Allow',
          Action: [
            'ec2:DescribeAccountAttributes',
            'ec2:DescribeAddresses',
            'ec2:DescribeInternetGateways',
            'ec2:DescribeSecurityGroups',
            'ec2:DescribeSubnets',
            'ec2:DescribeVpcs',
            'ec2:DescribeVpcClassicLink',
            'ec2:DescribeInstances',
            'ec2:DescribeNetworkInterfaces',
            'ec2:DescribeClassicLinkInstances',
            'ec2:DescribeRouteTables',
            'ec2:DescribeCoipPools',
            'ec2:GetCoipPoolUsage',
            'ec2:GetSecurityGroupsForVpc',
            'ec2:DescribeVpcPeeringConnections',
          ],
          Resource: ['*'],
        },
        {
          Effect: 'Allow',
          Action: ['iam:CreateServiceLinkedRole'],
          Resource: ['arn:aws:iam::*:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing'],
          Condition: {
            StringEquals: {
              'iam:AWSServiceName': ['elasticloadbalancing.amazonaws.com'],
            },
          },
        },
      ],
    },
  },
  {
    name: 'AmazonEKSNetworkingPolicy',
    path: '/',
    versionId: 'v3',
    versionDate: '2026-08-21',
    source: 'https://github.com/zoph-io/MAMIP/blob/01ff13d49af8560a1dcdf971fd8dbe034b1433bd/policies/AmazonEKSNetworkingPolicy',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['ec2:CreateNetworkInterface'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'aws:RequestTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
            StringLike: {
              'aws:RequestTag/eks:kubernetes-cni-node-name': ['*'],
            },
            'ForAllValues:StringEquals': {
              'aws:TagKeys': [
                'eks:eks-cluster-name',
                'eks:kubernetes-cni-node-name',
                'sgp.eks.amazonaws.com/instance-id',
                'sgp.eks.amazonaws.com/trunk-eni-id',
                'sgp.eks.amazonaws.com/vlan-id',
                'sgp.eks.amazonaws.com/managed',
                'sgp.eks.amazonaws.com/policy-ref',
              ],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateNetworkInterface'],
          Resource: ['arn:aws:ec2:*:*:security-group/*', 'arn:aws:ec2:*:*:subnet/*'],
        },
        {
          Effect: 'Allow',
          Action: ['ec2:CreateTags'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'ec2:CreateAction': ['CreateNetworkInterface'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: [
            'ec2:AttachNetworkInterface',
            'ec2:DetachNetworkInterface',
            'ec2:UnassignPrivateIpAddresses',
            'ec2:UnassignIpv6Addresses',
            'ec2:AssignPrivateIpAddresses',
            'ec2:AssignIpv6Addresses',
          ],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'aws:ResourceTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:ModifyNetworkInterfaceAttribute'],
          Resource: ['arn:aws:ec2:*:*:network-interface/*', 'arn:aws:ec2:*:*:instance/*'],
          Condition: {
            StringEquals: {
              'aws:ResourceTag/eks:eks-cluster-name': ['${aws:PrincipalTag/eks:eks-cluster-name}'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['ec2:AssociateTrunkInterface', 'ec2:DisassociateTrunkInterface'],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AmazonEKSVPCResourceController',
    path: '/',
    versionId: 'v1',
    versionDate: '2020-08-12',
    source: 'https://github.com/zoph-io/MAMIP/blob/24b649d3de6c701785bb4af34462aa8ee26f1528/policies/AmazonEKSVPCResourceController',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['ec2:CreateNetworkInterfacePermission'],
          Resource: ['*'],
          Condition: {
            'ForAnyValue:StringEquals': {
              'ec2:ResourceTag/eks:eni:owner': ['eks-vpc-resource-controller'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: [
            'ec2:CreateNetworkInterface',
            'ec2:DetachNetworkInterface',
            'ec2:ModifyNetworkInterfaceAttribute',
            'ec2:DeleteNetworkInterface',
            'ec2:AttachNetworkInterface',
            'ec2:UnassignPrivateIpAddresses',
            'ec2:AssignPrivateIpAddresses',
          ],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AmazonEKSWorkerNodeMinimalPolicy',
    path: '/',
    versionId: 'v1',
    versionDate: '2024-10-02',
    source: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEKSWorkerNodeMinimalPolicy.html',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'WorkerNodePermissions',
          Effect: 'Allow',
          Action: ['eks-auth:AssumeRoleForPodIdentity'],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AmazonEKSWorkerNodePolicy',
    path: '/',
    versionId: 'v3',
    versionDate: '2023-11-27',
    source: 'https://github.com/zoph-io/MAMIP/blob/24b649d3de6c701785bb4af34462aa8ee26f1528/policies/AmazonEKSWorkerNodePolicy',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'WorkerNodePermissions',
          Effect: 'Allow',
          Action: [
            'ec2:DescribeInstances',
            'ec2:DescribeInstanceTypes',
            'ec2:DescribeRouteTables',
            'ec2:DescribeSecurityGroups',
            'ec2:DescribeSubnets',
            'ec2:DescribeVolumes',
            'ec2:DescribeVolumesModifications',
            'ec2:DescribeVpcs',
            'eks:DescribeCluster',
            'eks-auth:AssumeRoleForPodIdentity',
          ],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AmazonEKS_CNI_Policy',
    path: '/',
    versionId: 'v5',
    versionDate: '2024-03-04',
    source: 'https://github.com/zoph-io/MAMIP/blob/24b649d3de6c701785bb4af34462aa8ee26f1528/policies/AmazonEKS_CNI_Policy',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AmazonEKSCNIPolicy',
          Effect: 'Allow',
          Action: [
            'ec2:AssignPrivateIpAddresses',
            'ec2:AttachNetworkInterface',
            'ec2:CreateNetworkInterface',
            'ec2:DeleteNetworkInterface',
            'ec2:DescribeInstances',
            'ec2:DescribeTags',
            'ec2:DescribeNetworkInterfaces',
            'ec2:DescribeInstanceTypes',
            'ec2:DescribeSubnets',
            'ec2:DetachNetworkInterface',
            'ec2:ModifyNetworkInterfaceAttribute',
            'ec2:UnassignPrivateIpAddresses',
          ],
          Resource: ['*'],
        },
        {
          Sid: 'AmazonEKSCNIPolicyENITag',
          Effect: 'Allow',
          Action: ['ec2:CreateTags'],
          Resource: ['arn:aws:ec2:*:*:network-interface/*'],
        },
      ],
    },
  },
  {
    name: 'AmazonElasticContainerRegistryPublicReadOnly',
    path: '/',
    versionId: 'v1',
    versionDate: '2020-12-01',
    source: 'https://github.com/zoph-io/MAMIP/blob/1b36617981d5e8905ceb82b8dcbd892340a023ba/policies/AmazonElasticContainerRegistryPublicReadOnly',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'ecr-public:GetAuthorizationToken',
            'sts:GetServiceBearerToken',
            'ecr-public:BatchCheckLayerAvailability',
            'ecr-public:GetRepositoryPolicy',
            'ecr-public:DescribeRepositories',
            'ecr-public:DescribeRegistries',
            'ecr-public:DescribeImages',
            'ecr-public:DescribeImageTags',
            'ecr-public:GetRepositoryCatalogData',
            'ecr-public:GetRegistryCatalogData',
          ],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AmazonSSMManagedInstanceCore',
    path: '/',
    versionId: 'v2',
    versionDate: '2019-05-23',
    source: 'https://github.com/zoph-io/MAMIP/blob/24b649d3de6c701785bb4af34462aa8ee26f1528/policies/AmazonSSMManagedInstanceCore',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'ssm:DescribeAssociation',
            'ssm:GetDeployablePatchSnapshotForInstance',
            'ssm:GetDocument',
            'ssm:DescribeDocument',
            'ssm:GetManifest',
            'ssm:GetParameter',
            'ssm:GetParameters',
            'ssm:ListAssociations',
            'ssm:ListInstanceAssociations',
            'ssm:PutInventory',
            'ssm:PutComplianceItems',
            'ssm:PutConfigurePackageResult',
            'ssm:UpdateAssociationStatus',
            'ssm:UpdateInstanceAssociationStatus',
            'ssm:UpdateInstanceInformation',
          ],
          Resource: ['*'],
        },
        {
          Effect: 'Allow',
          Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
          Resource: ['*'],
        },
        {
          Effect: 'Allow',
          Action: [
            'ec2messages:AcknowledgeMessage',
            'ec2messages:DeleteMessage',
            'ec2messages:FailMessage',
            'ec2messages:GetEndpoint',
            'ec2messages:GetMessages',
            'ec2messages:SendReply',
          ],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AWSLambdaBasicExecutionRole',
    path: '/service-role/',
    versionId: 'v1',
    versionDate: '2015-04-09',
    source: 'https://github.com/zoph-io/MAMIP/blob/24b649d3de6c701785bb4af34462aa8ee26f1528/policies/AWSLambdaBasicExecutionRole',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AWSLambdaVPCAccessExecutionRole',
    path: '/service-role/',
    versionId: 'v3',
    versionDate: '2024-01-05',
    source: 'https://github.com/zoph-io/MAMIP/blob/1b36617981d5e8905ceb82b8dcbd892340a023ba/policies/AWSLambdaVPCAccessExecutionRole',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AWSLambdaVPCAccessExecutionPermissions',
          Effect: 'Allow',
          Action: [
            'logs:CreateLogGroup',
            'logs:CreateLogStream',
            'logs:PutLogEvents',
            'ec2:CreateNetworkInterface',
            'ec2:DescribeNetworkInterfaces',
            'ec2:DescribeSubnets',
            'ec2:DeleteNetworkInterface',
            'ec2:AssignPrivateIpAddresses',
            'ec2:UnassignPrivateIpAddresses',
          ],
          Resource: ['*'],
        },
      ],
    },
  },
  {
    name: 'AWSSupportAccess',
    path: '/',
    versionId: 'v3',
    versionDate: '2026-02-11',
    source: 'https://github.com/zoph-io/MAMIP/blob/09fc3a5c9ba5a1884df710cd43bb6da02f070fe8/policies/AWSSupportAccess',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['support:*', 'support-console:*'],
          Resource: ['*'],
        },
      ],
    },
  },
];

const BY_PATH_AND_NAME: ReadonlyMap<string, AwsManagedPolicyRecord> = new Map(AWS_MANAGED_POLICIES.map((p) => [`${p.path}${p.name}`, p]));

/** The recorded policy `arn:aws:iam::aws:policy<path><name>` names, if there is one. */
export function recordedAwsManagedPolicy(path: string, name: string): AwsManagedPolicyRecord | undefined {
  return BY_PATH_AND_NAME.get(`${path}${name}`);
}
