package dev.modelfleet.testing.kube;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for etcd and the API server. */
record LoopbackPorts(int etcdClient, int etcdPeer, int apiServer) {

  static LoopbackPorts allocate() throws IOException {
    return new LoopbackPorts(freePort(), freePort(), freePort());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
