import"./chunks/chunk-JRCEFWME.js";import"./chunks/chunk-42BVDEB6.js";
