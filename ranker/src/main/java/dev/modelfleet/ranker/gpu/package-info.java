/**
 * The GPU catalog: what each GPU product offers (memory, memory bandwidth) and the product strings
 * node labellers write for it, so node labels can be turned into capacity facts.
 */
package dev.modelfleet.ranker.gpu;
