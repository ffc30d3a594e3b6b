package dev.modelfleet.serving;

import dev.modelfleet.crds.v1alpha1.common.Patterns;
import dev.modelfleet.ranker.quant.QuantizationTable;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything an adapter needs to serve one placed model: what to load, how, on which nodes, with
 * which budgets. The compact constructor checks every field and names the fix.
 *
 * @param namespace namespace of the pool and of every rendered object
 * @param pool name of the ModelPool
 * @param model name of the model in the pool; clients and the gateway address it by this name
 * @param huggingFaceRepo Hugging Face repo id (vLLM, SGLang); exactly one of this and ollamaTag
 * @param revision branch, tag or commit of the repo; null for the default branch
 * @param ollamaTag Ollama model tag (Ollama); exactly one of this and huggingFaceRepo
 * @param quantization canonical name from the ranker's quantization table, or null for the
 *     checkpoint's own precision
 * @param contextLength longest sequence the engine accepts, in tokens
 * @param kvCacheDtype null, "f16", "fp8", "q8_0" or "q4_0" ("auto" is read as null)
 * @param replicas Deployment replicas
 * @param gpusPerReplica GPUs each replica requests; 0 for CPU-only
 * @param gpuResourceName extended resource of the GPUs (nvidia.com/gpu, a MIG profile such as
 *     nvidia.com/mig-3g.20gb, amd.com/gpu), or null for CPU-only
 * @param nodeNames nodes the replicas may run on (required node affinity)
 * @param tolerations tolerations added to the pod
 * @param gpuMemoryUtilization share of each GPU's memory the engine may use, 0 exclusive to 1
 * @param cacheDiskGiB size of the model cache claim, GiB
 * @param storageClassName storage class of the cache claim; null for the cluster default
 * @param image container image to use instead of the engine's pinned default; null for the default
 * @param huggingFaceTokenSecretName Secret holding a Hugging Face token; null for none
 * @param huggingFaceTokenSecretKey key of that Secret; set with the name or not at all
 * @param adapters LoRA adapters served on top of the model
 */
public record ServingRequest(
    String namespace,
    String pool,
    String model,
    String huggingFaceRepo,
    String revision,
    String ollamaTag,
    String quantization,
    int contextLength,
    String kvCacheDtype,
    int replicas,
    int gpusPerReplica,
    String gpuResourceName,
    List<String> nodeNames,
    List<Toleration> tolerations,
    double gpuMemoryUtilization,
    double cacheDiskGiB,
    String storageClassName,
    String image,
    String huggingFaceTokenSecretName,
    String huggingFaceTokenSecretKey,
    List<LoraAdapter> adapters) {

  /** KV cache element types a request may ask for; null means the engine's default. */
  public static final List<String> KV_CACHE_DTYPES = List.of("f16", "fp8", "q8_0", "q4_0");

  /** The vendor prefixes of GPU resources ModelFleet knows how to serve on. */
  public static final List<String> GPU_RESOURCE_PREFIXES = List.of("nvidia.com/", "amd.com/");

  /** The KV cache value the CRD uses for "engine default". */
  private static final String KV_CACHE_AUTO = "auto";

  /** Longest DNS subdomain (RFC 1123): node, Secret and storage class names. */
  private static final int MAX_SUBDOMAIN = 253;

  /** Longest image reference the ModelPool CRD accepts for an engine image. */
  private static final int MAX_IMAGE = 512;

  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(Patterns.DNS_SUBDOMAIN);
  private static final Pattern HF_REPO = Pattern.compile(Patterns.HF_REPO_ID);
  private static final Pattern OLLAMA_TAG = Pattern.compile(Patterns.OLLAMA_TAG);
  private static final Pattern REVISION = Pattern.compile(Patterns.REVISION);
  private static final Pattern IMAGE = Pattern.compile(Patterns.IMAGE);
  private static final Pattern RESOURCE = Pattern.compile(Patterns.RESOURCE_NAME);
  private static final Pattern CONFIG_KEY = Pattern.compile(Patterns.CONFIG_KEY);

  /** Checks every field; lists are copied so the request is immutable. */
  public ServingRequest {
    ServingNames.requireLabel("namespace", namespace);
    ServingNames.requireLabel("pool", pool);
    ServingNames.requireLabel("model", model);
    if ((huggingFaceRepo == null) == (ollamaTag == null)) {
      throw new IllegalArgumentException(
          "huggingFaceRepo/ollamaTag: set exactly one (huggingFaceRepo for vLLM and SGLang,"
              + " ollamaTag for Ollama)");
    }
    if (huggingFaceRepo != null && !HF_REPO.matcher(huggingFaceRepo).matches()) {
      throw new IllegalArgumentException(
          "huggingFaceRepo: '" + huggingFaceRepo + "' is not a repo id; write it as org/name");
    }
    if (ollamaTag != null && !OLLAMA_TAG.matcher(ollamaTag).matches()) {
      throw new IllegalArgumentException(
          "ollamaTag: '" + ollamaTag + "' is not an Ollama tag; write it as model[:tag]");
    }
    if (revision != null) {
      if (huggingFaceRepo == null) {
        throw new IllegalArgumentException(
            "revision: only a Hugging Face repo has revisions; put the version in ollamaTag");
      }
      if (!REVISION.matcher(revision).matches()) {
        throw new IllegalArgumentException(
            "revision: '" + revision + "' is not a branch, tag or commit of the repo");
      }
    }
    if (quantization != null && !QuantizationTable.bundled().resolve(quantization).known()) {
      throw new IllegalArgumentException(
          "quantization: '"
              + quantization
              + "' is not in the quantization table; use a canonical name such as AWQ,"
              + " GPTQ-Int4, FP8 or Q4_K_M, or null for the checkpoint's own precision");
    }
    if (contextLength < 1) {
      throw new IllegalArgumentException(
          "contextLength: " + contextLength + " must be at least 1 token");
    }
    if (KV_CACHE_AUTO.equals(kvCacheDtype)) {
      kvCacheDtype = null;
    }
    if (kvCacheDtype != null && !KV_CACHE_DTYPES.contains(kvCacheDtype)) {
      throw new IllegalArgumentException(
          "kvCacheDtype: '"
              + kvCacheDtype
              + "' is not one of "
              + KV_CACHE_DTYPES
              + "; use null for the engine's default");
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas: " + replicas + " must not be negative");
    }
    requireGpus(gpuResourceName, gpusPerReplica);
    nodeNames = requireNodes(nodeNames);
    tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
    if (!(gpuMemoryUtilization > 0 && gpuMemoryUtilization <= 1)) {
      throw new IllegalArgumentException(
          "gpuMemoryUtilization: "
              + gpuMemoryUtilization
              + " must be above 0 and at most 1 (a share of each GPU's memory)");
    }
    if (!(cacheDiskGiB > 0) || Double.isInfinite(cacheDiskGiB)) {
      throw new IllegalArgumentException(
          "cacheDiskGiB: " + cacheDiskGiB + " must be a positive size in GiB");
    }
    if (storageClassName != null) {
      requireSubdomain("storageClassName", storageClassName);
    }
    if (image != null && (image.length() > MAX_IMAGE || !IMAGE.matcher(image).matches())) {
      throw new IllegalArgumentException(
          "image: '"
              + image
              + "' is not an image reference; write registry/repository:tag, or null for the"
              + " pinned default");
    }
    if ((huggingFaceTokenSecretName == null) != (huggingFaceTokenSecretKey == null)) {
      throw new IllegalArgumentException(
          "huggingFaceTokenSecretName/huggingFaceTokenSecretKey: set both (the Secret and its"
              + " key) or neither");
    }
    if (huggingFaceTokenSecretName != null) {
      requireSubdomain("huggingFaceTokenSecretName", huggingFaceTokenSecretName);
      if (!CONFIG_KEY.matcher(huggingFaceTokenSecretKey).matches()) {
        throw new IllegalArgumentException(
            "huggingFaceTokenSecretKey: '"
                + huggingFaceTokenSecretKey
                + "' is not a Secret key; use letters, digits, '-', '_' and '.'");
      }
    }
    adapters = requireAdapters(adapters);
  }

  /** A builder starting from no fields set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's fields, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .namespace(namespace)
        .pool(pool)
        .model(model)
        .huggingFaceRepo(huggingFaceRepo)
        .revision(revision)
        .ollamaTag(ollamaTag)
        .quantization(quantization)
        .contextLength(contextLength)
        .kvCacheDtype(kvCacheDtype)
        .replicas(replicas)
        .gpus(gpuResourceName, gpusPerReplica)
        .nodeNames(nodeNames)
        .tolerations(tolerations)
        .gpuMemoryUtilization(gpuMemoryUtilization)
        .cacheDiskGiB(cacheDiskGiB)
        .storageClassName(storageClassName)
        .image(image)
        .huggingFaceToken(huggingFaceTokenSecretName, huggingFaceTokenSecretKey)
        .adapters(adapters);
  }

  /** The name of every object rendered for this request. */
  public String servingName() {
    return ServingNames.of(pool, model);
  }

  /** Whether the replicas run without GPUs. */
  public boolean cpuOnly() {
    return gpuResourceName == null;
  }

  private static void requireSubdomain(String field, String value) {
    if (value.length() > MAX_SUBDOMAIN || !DNS_SUBDOMAIN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + ": '"
              + value
              + "' is not a Kubernetes object name; use lower-case letters, digits, '-' and '.'");
    }
  }

  private static void requireGpus(String resource, int gpus) {
    if (resource == null) {
      if (gpus != 0) {
        throw new IllegalArgumentException(
            "gpusPerReplica: "
                + gpus
                + " GPUs need a gpuResourceName (e.g. nvidia.com/gpu); use 0 for CPU-only");
      }
      return;
    }
    if (!RESOURCE.matcher(resource).matches()
        || GPU_RESOURCE_PREFIXES.stream().noneMatch(resource::startsWith)) {
      throw new IllegalArgumentException(
          "gpuResourceName: '"
              + resource
              + "' is not a GPU resource ModelFleet serves on; use nvidia.com/gpu, a MIG profile"
              + " such as nvidia.com/mig-3g.20gb, amd.com/gpu, or null for CPU-only");
    }
    if (gpus < 1) {
      throw new IllegalArgumentException(
          "gpusPerReplica: " + gpus + " must be at least 1 when gpuResourceName is set");
    }
  }

  private static List<String> requireNodes(List<String> nodeNames) {
    if (nodeNames == null || nodeNames.isEmpty()) {
      throw new IllegalArgumentException(
          "nodeNames: list at least one node the placement chose for this model");
    }
    for (String node : nodeNames) {
      if (node == null) {
        throw new IllegalArgumentException("nodeNames: remove the null entry");
      }
      requireSubdomain("nodeNames", node);
    }
    return List.copyOf(nodeNames);
  }

  private static List<LoraAdapter> requireAdapters(List<LoraAdapter> adapters) {
    if (adapters == null) {
      return List.of();
    }
    Set<String> names = new HashSet<>();
    for (LoraAdapter adapter : adapters) {
      if (adapter == null) {
        throw new IllegalArgumentException("adapters: remove the null entry");
      }
      if (!names.add(adapter.name())) {
        throw new IllegalArgumentException(
            "adapters: the name '" + adapter.name() + "' is used twice; give each a unique name");
      }
    }
    return List.copyOf(adapters);
  }

  /** Builds a {@link ServingRequest}; {@link #build()} runs the same checks as the constructor. */
  public static final class Builder {
    /** vLLM's own default for --gpu-memory-utilization. */
    private static final double DEFAULT_GPU_MEMORY_UTILIZATION = 0.9;

    private String namespace;
    private String pool;
    private String model;
    private String huggingFaceRepo;
    private String revision;
    private String ollamaTag;
    private String quantization;
    private int contextLength;
    private String kvCacheDtype;
    private int replicas = 1;
    private int gpusPerReplica;
    private String gpuResourceName;
    private List<String> nodeNames = new ArrayList<>();
    private List<Toleration> tolerations = new ArrayList<>();
    private double gpuMemoryUtilization = DEFAULT_GPU_MEMORY_UTILIZATION;
    private double cacheDiskGiB;
    private String storageClassName;
    private String image;
    private String huggingFaceTokenSecretName;
    private String huggingFaceTokenSecretKey;
    private List<LoraAdapter> adapters = new ArrayList<>();

    private Builder() {}

    /** Sets the namespace. */
    public Builder namespace(String value) {
      namespace = value;
      return this;
    }

    /** Sets the pool name. */
    public Builder pool(String value) {
      pool = value;
      return this;
    }

    /** Sets the model name in the pool. */
    public Builder model(String value) {
      model = value;
      return this;
    }

    /** Sets the Hugging Face repo id. */
    public Builder huggingFaceRepo(String value) {
      huggingFaceRepo = value;
      return this;
    }

    /** Sets the repo revision. */
    public Builder revision(String value) {
      revision = value;
      return this;
    }

    /** Sets the Ollama tag. */
    public Builder ollamaTag(String value) {
      ollamaTag = value;
      return this;
    }

    /** Sets the quantization. */
    public Builder quantization(String value) {
      quantization = value;
      return this;
    }

    /** Sets the context length in tokens. */
    public Builder contextLength(int value) {
      contextLength = value;
      return this;
    }

    /** Sets the KV cache element type. */
    public Builder kvCacheDtype(String value) {
      kvCacheDtype = value;
      return this;
    }

    /** Sets the replicas. */
    public Builder replicas(int value) {
      replicas = value;
      return this;
    }

    /** Sets the GPU resource and how many each replica requests. */
    public Builder gpus(String resourceName, int perReplica) {
      gpuResourceName = resourceName;
      gpusPerReplica = perReplica;
      return this;
    }

    /** Sets the nodes the replicas may run on. */
    public Builder nodeNames(List<String> value) {
      nodeNames = value == null ? null : new ArrayList<>(value);
      return this;
    }

    /** Sets the tolerations. */
    public Builder tolerations(List<Toleration> value) {
      tolerations = value == null ? null : new ArrayList<>(value);
      return this;
    }

    /** Sets the share of GPU memory the engine may use. */
    public Builder gpuMemoryUtilization(double value) {
      gpuMemoryUtilization = value;
      return this;
    }

    /** Sets the cache claim size in GiB. */
    public Builder cacheDiskGiB(double value) {
      cacheDiskGiB = value;
      return this;
    }

    /** Sets the cache claim's storage class. */
    public Builder storageClassName(String value) {
      storageClassName = value;
      return this;
    }

    /** Sets the image override. */
    public Builder image(String value) {
      image = value;
      return this;
    }

    /** Sets the Secret and key holding a Hugging Face token. */
    public Builder huggingFaceToken(String secretName, String secretKey) {
      huggingFaceTokenSecretName = secretName;
      huggingFaceTokenSecretKey = secretKey;
      return this;
    }

    /** Sets the LoRA adapters. */
    public Builder adapters(List<LoraAdapter> value) {
      adapters = value == null ? null : new ArrayList<>(value);
      return this;
    }

    /** The request; throws {@link IllegalArgumentException} naming a bad field. */
    public ServingRequest build() {
      return new ServingRequest(
          namespace,
          pool,
          model,
          huggingFaceRepo,
          revision,
          ollamaTag,
          quantization,
          contextLength,
          kvCacheDtype,
          replicas,
          gpusPerReplica,
          gpuResourceName,
          nodeNames,
          tolerations,
          gpuMemoryUtilization,
          cacheDiskGiB,
          storageClassName,
          image,
          huggingFaceTokenSecretName,
          huggingFaceTokenSecretKey,
          adapters);
    }
  }
}
