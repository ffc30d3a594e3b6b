/**
 * The quantization table: every weight format the ecosystem publishes (GGUF file types, AWQ, GPTQ,
 * FP8, INT8, INT4, bitsandbytes, MLX, FP4, full precision), its bits per weight with a source, the
 * engines that load it, and the name variants people write for it.
 */
package dev.modelfleet.ranker.quant;
