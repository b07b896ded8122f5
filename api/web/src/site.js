// Every page: search as you type.
import { attach } from "./search.js";

for (const form of document.querySelectorAll("form[data-search]")) attach(form);
