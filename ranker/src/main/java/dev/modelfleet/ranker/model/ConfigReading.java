package dev.modelfleet.ranker.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** One parse: the config, the part describing the language model, and notes gathered on the way. */
final class ConfigReading {
  private final ConfigFields fields;
  private final List<String> notes;

  ConfigReading(JsonNode root, JsonNode text, List<String> notes) {
    this.fields = new ConfigFields(root, text);
    this.notes = notes;
  }

  ModelFacts facts(String givenId) throws ConfigJsonException {
    String architecture = fields.firstArchitecture();
    String modelType = fields.string("model_type");
    if (modelType == null) {
      modelType = guessModelType(architecture);
      notes.add("no model_type; assumed " + modelType + " from the architecture name");
    }
    Architecture arch = Architecture.of(modelType);
    if (arch == Architecture.GENERIC) {
      notes.add(
          "architecture "
              + modelType
              + " is not one ModelFleet knows; read as a Llama-style decoder");
    }
    TransformerDimensionsReader dims =
        new TransformerDimensionsReader(fields, modelType, arch, notes);
    AttentionFactsReader attentionFacts = new AttentionFactsReader(fields, arch, notes);

    int hidden = fields.required("hidden_size", "n_embd", "d_model", "model_dim", "dim");
    int layers = fields.required("num_hidden_layers", "n_layer", "num_layers", "n_layers");
    int heads = fields.required("num_attention_heads", "n_head", "num_heads", "n_heads");
    int kvHeads = dims.keyValueHeads(heads);
    MlaFacts mla = attentionFacts.mla();
    int headDim =
        mla != null ? mla.qkNopeHeadDim() + mla.qkRopeHeadDim() : dims.headDim(hidden, heads);
    BlockDetails block = dims.block();
    int intermediate = dims.intermediate(hidden, block.gatedMlp());
    int vocab = dims.vocab();
    int maxPositions = dims.maxPositions();
    boolean tied = dims.tied();
    MoeFacts moe = new MoeFactsReader(fields, arch).moe(layers, intermediate);
    AttentionLayout attention = attentionFacts.layout(layers, maxPositions);
    LinearAttentionFacts linear =
        attention.count(LayerKind.LINEAR_ATTENTION) > 0 ? attentionFacts.linearAttention() : null;
    MambaFacts mamba = attention.count(LayerKind.MAMBA) > 0 ? attentionFacts.mamba(hidden) : null;

    String id = givenId;
    if (id == null || id.isBlank()) {
      id = fields.string("_name_or_path");
      if (id == null || id.isBlank()) {
        id = "unknown";
      }
    }
    ModelFacts facts =
        new ModelFacts(
            id.trim(),
            arch.family(modelType),
            architecture,
            modelType,
            hidden,
            layers,
            heads,
            kvHeads,
            headDim,
            intermediate,
            vocab,
            maxPositions,
            tied,
            block,
            moe,
            attention,
            mla,
            linear,
            mamba,
            null,
            notes);
    return facts.withParameters(ParameterCounter.count(facts));
  }

  private static String guessModelType(String architecture) {
    String name =
        architecture
            .replaceAll("(For(CausalLM|ConditionalGeneration)|LMHeadModel|Model)$", "")
            .toLowerCase(Locale.ROOT);
    return name.isEmpty() ? "unknown" : name;
  }
}
