import"./chunks/chunk-LM6NOHU4.js";import"./chunks/chunk-2VM53NIT.js";
