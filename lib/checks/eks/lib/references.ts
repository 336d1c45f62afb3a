/** Reference URLs shared by the EKS checks. */
export const EKS_GUIDE = 'https://docs.aws.amazon.com/eks/latest/userguide';
export const EKS_BEST_PRACTICES_IAM = 'https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html';
export const EKS_BEST_PRACTICES_NETWORK = 'https://docs.aws.amazon.com/eks/latest/best-practices/network-security.html';
export const EKS_BEST_PRACTICES_HOSTS = 'https://docs.aws.amazon.com/eks/latest/best-practices/protecting-the-infrastructure.html';
export const CIS_EKS = 'https://www.cisecurity.org/benchmark/kubernetes';
export const securityHubEks = (n: number) => `https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-${n}`;
export const eksGuide = (page: string) => `${EKS_GUIDE}/${page}.html`;
/** A best practice of the Well-Architected security pillar, by its page name. */
export const wellArchitected = (page: string) => `https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/${page}.html`;
