import{a,b}from"./chunk-P4VOS2K5.js";import"./chunk-2VM53NIT.js";export{b as drawMap,a as project};
