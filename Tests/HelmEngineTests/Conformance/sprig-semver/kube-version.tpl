{{ semverCompare ">=1.21-0" "v1.30.2-eks-1234" }} {{ semverCompare "<1.25.0-0" "v1.24.9-gke.100" }} {{ semverCompare ">=1.19-0" .Capabilities.KubeVersion.Version }}
