import{a,b}from"./chunk-NAELREQQ.js";import"./chunk-42BVDEB6.js";export{b as drawMap,a as project};
