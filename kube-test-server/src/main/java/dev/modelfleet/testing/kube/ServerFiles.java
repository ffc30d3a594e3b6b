package dev.modelfleet.testing.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The token file, service-account key pair and kubeconfig the servers need. */
record ServerFiles(Path tokens, Path serviceAccountPrivateKey, Path serviceAccountPublicKey) {

  static ServerFiles write(Path dir, String token, String operatorToken, int apiPort)
      throws IOException {
    String lines =
        token
            + ",admin,admin,\"system:masters\"\n"
            + operatorToken
            + ","
            + KubeApiServer.OPERATOR_USER
            + ",operator,\"system:serviceaccounts\"\n";
    Path tokens = Files.writeString(dir.resolve("tokens.csv"), lines);
    KeyPair keys = rsaKeyPair();
    Path privateKey =
        Files.writeString(
            dir.resolve("sa.key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    Path publicKey =
        Files.writeString(dir.resolve("sa.pub"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    Files.writeString(dir.resolve("kubeconfig"), kubeconfig(token, apiPort));
    return new ServerFiles(tokens, privateKey, publicKey);
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is always available", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static String kubeconfig(String token, int apiPort) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: https://127.0.0.1:%d
            insecure-skip-tls-verify: true
        users:
        - name: admin
          user:
            token: %s
        contexts:
        - name: test
          context:
            cluster: test
            user: admin
            namespace: default
        current-context: test
        """
        .formatted(apiPort, token);
  }
}
