package dev.modelfleet.serving.jobs;

import dev.modelfleet.crds.v1alpha1.adapter.Hyperparameters;
import dev.modelfleet.crds.v1alpha1.adapter.TrainingMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * The default trainer's command line: TRL's {@code trl sft} with PEFT LoRA flags, as TRL's CLI
 * documents them (ModelConfig's --use_peft, --lora_r, --lora_alpha, --lora_dropout,
 * --lora_target_modules, --load_in_4bit; SFTConfig's training flags).
 */
public final class TrainerCommand {
  /** Log loss every this many optimizer steps: enough points for a curve on short runs. */
  static final int LOGGING_STEPS = 10;

  /** QLoRA's 4-bit data type (Dettmers et al., 2023: NormalFloat4). */
  static final String QLORA_QUANT_TYPE = "nf4";

  /** PEFT's shorthand for every linear layer but the output head. */
  static final String ALL_LINEAR = "all-linear";

  private TrainerCommand() {}

  /**
   * @param baseModel Hugging Face repo of the base model
   * @param revision its revision, or null for the default branch
   * @param dataset a local directory holding the JSONL file, or a Hub dataset id
   * @param outputDir where the adapter and trainer_state.json are written
   */
  public static List<String> sft(
      String baseModel,
      String revision,
      String dataset,
      TrainingMethod method,
      Hyperparameters h,
      String outputDir) {
    List<String> args = new ArrayList<>(List.of("trl", "sft"));
    add(args, "--model_name_or_path", baseModel);
    if (revision != null) {
      add(args, "--model_revision", revision);
    }
    add(args, "--dataset_name", dataset);
    args.add("--use_peft");
    add(args, "--lora_r", h.getRank());
    add(args, "--lora_alpha", h.getAlpha());
    add(args, "--lora_dropout", h.getDropout());
    args.add("--lora_target_modules");
    if (h.getTargetModules().isEmpty()) {
      args.add(ALL_LINEAR);
    } else {
      args.addAll(h.getTargetModules());
    }
    if (method == TrainingMethod.QLORA) {
      args.add("--load_in_4bit");
      add(args, "--bnb_4bit_quant_type", QLORA_QUANT_TYPE);
    }
    add(args, "--num_train_epochs", h.getEpochs());
    add(args, "--learning_rate", h.getLearningRate());
    add(args, "--per_device_train_batch_size", h.getBatchSize());
    add(args, "--max_length", h.getMaxSequenceLength());
    add(args, "--logging_steps", LOGGING_STEPS);
    add(args, "--save_strategy", "epoch");
    add(args, "--report_to", "none");
    add(args, "--output_dir", outputDir);
    return args;
  }

  private static void add(List<String> args, String flag, Object value) {
    args.add(flag);
    args.add(String.valueOf(value));
  }
}
