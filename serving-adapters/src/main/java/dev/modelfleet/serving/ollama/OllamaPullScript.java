package dev.modelfleet.serving.ollama;

/**
 * The init container's shell script: start a private Ollama server, wait for it, pull the model
 * unless the cache already holds it, copy it to the pool model's name (so clients and the gateway
 * address every engine by that name, as vLLM's and SGLang's --served-model-name do; the copy shares
 * the weights' blobs), stop the server. Tag and name come in environment variables, so neither is
 * parsed by the shell.
 */
final class OllamaPullScript {

  /** Environment variable carrying the tag to pull. */
  static final String MODEL_VARIABLE = "MODELFLEET_OLLAMA_MODEL";

  /** Environment variable carrying the name the model is served under: the pool model's name. */
  static final String ALIAS_VARIABLE = "MODELFLEET_OLLAMA_ALIAS";

  /** Seconds to wait for the private server to answer; it normally does within one. */
  static final int SERVER_WAIT_SECONDS = 60;

  static final String SCRIPT =
      String.join(
          "\n",
          "set -u",
          "/bin/ollama serve >/tmp/ollama-serve.log 2>&1 &",
          "server=$!",
          "waited=0",
          "until /bin/ollama list >/dev/null 2>&1; do",
          "  waited=$((waited + 1))",
          "  if [ \"$waited\" -ge " + SERVER_WAIT_SECONDS + " ]; then",
          "    echo \"ollama serve did not start\" >&2; cat /tmp/ollama-serve.log >&2; exit 1",
          "  fi",
          "  sleep 1",
          "done",
          "status=0",
          "if /bin/ollama show \"$" + MODEL_VARIABLE + "\" >/dev/null 2>&1; then",
          "  echo \"$" + MODEL_VARIABLE + " is already in the cache\"",
          "else",
          "  /bin/ollama pull \"$" + MODEL_VARIABLE + "\" || status=$?",
          "fi",
          "if [ \"$status\" -eq 0 ]; then",
          "  /bin/ollama cp \"$" + MODEL_VARIABLE + "\" \"$" + ALIAS_VARIABLE + "\" || status=$?",
          "fi",
          "kill \"$server\"",
          "wait \"$server\" 2>/dev/null || true",
          "exit \"$status\"");

  private OllamaPullScript() {}
}
