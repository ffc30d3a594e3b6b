package dev.modelfleet.testing.kube;

import java.nio.file.Path;
import java.util.List;

/** The kube-apiserver command line: loopback, RBAC on, token authentication. */
final class ApiServerCommand {
  private ApiServerCommand() {}

  static List<String> of(Path bin, Path workDir, ServerFiles files, LoopbackPorts ports) {
    return List.of(
        bin.resolve("kube-apiserver").toString(),
        "--etcd-servers=http://127.0.0.1:" + ports.etcdClient(),
        "--advertise-address=127.0.0.1",
        "--bind-address=127.0.0.1",
        "--secure-port=" + ports.apiServer(),
        "--insecure-port=0",
        "--cert-dir=" + workDir.resolve("certs"),
        "--token-auth-file=" + files.tokens(),
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://localhost",
        "--service-account-key-file=" + files.serviceAccountPublicKey(),
        "--service-account-signing-key-file=" + files.serviceAccountPrivateKey(),
        "--service-cluster-ip-range=10.0.0.0/24",
        "--disable-admission-plugins=ServiceAccount",
        "--allow-privileged=true");
  }
}
