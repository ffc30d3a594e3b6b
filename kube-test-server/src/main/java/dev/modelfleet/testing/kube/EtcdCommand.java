package dev.modelfleet.testing.kube;

import java.nio.file.Path;
import java.util.List;

/** The etcd command line, loopback only. */
final class EtcdCommand {
  private EtcdCommand() {}

  static List<String> of(Path bin, Path workDir, LoopbackPorts ports) {
    String client = "http://127.0.0.1:" + ports.etcdClient();
    String peer = "http://127.0.0.1:" + ports.etcdPeer();
    return List.of(
        bin.resolve("etcd").toString(),
        "--name=kubetest",
        "--data-dir=" + workDir.resolve("etcd"),
        "--listen-client-urls=" + client,
        "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer,
        "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=kubetest=" + peer,
        "--log-level=warn");
  }
}
