"""The words the pages and their scripts show, in English and Chinese."""

from __future__ import annotations

from graph.read.sentences import Lang

WORDS: dict[str, tuple[str, str]] = {  # key: (English, Chinese)
    "site": ("China Designations Graph", "中国产业政策认定图谱"),
    "tagline": (
        "Who designated which zone, city, cluster or enterprise, under which program, when, "
        "and on what evidence: every fact with its source and a short quote; what the graph "
        "computes from the whole picture is kept apart, with the rule behind it.",
        "哪个部门在何时、依据哪个项目认定了哪个园区、城市、集群或企业，以及证据何在："
        "每条事实都附有来源和简短原文；图谱据全局计算出的结论单独存放，并注明所用规则。",
    ),
    "search": ("Search", "搜索"),
    "search-label": ("Find a zone, program, organisation or place", "查找园区、项目、机构或地区"),
    "search-placeholder": ("包头, Baotou, bāotóu…", "包头、Baotou、bāotóu…"),
    "editor": ("Query editor", "查询编辑器"),
    "docs": ("API docs", "API 文档"),
    "examples": ("Example queries", "示例查询"),
    "exports": ("Exports", "导出"),
    "ontology": ("Ontology", "本体"),
    "language": ("中文", "English"),
    "language-name": ("Switch to Chinese", "切换到英文"),
    "designations": ("designations", "项认定"),
    "programs": ("programs", "个项目"),
    "zones": ("zones", "个园区"),
    "sources": ("source documents", "份来源文献"),
    "complete-lists": ("complete official lists", "份完整官方名单"),
    "in-graph": ("In the graph now", "图谱现有"),
    "start": ("Start here", "从这里开始"),
    "editor-text": (
        "Write SPARQL with completion, run the examples, see tables, charts, maps and graphs.",
        "编写 SPARQL（带补全），运行示例，查看表格、图表、地图和关系图。",
    ),
    "docs-text": ("REST routes for tools, with examples.", "面向工具的 REST 接口及示例。"),
    "exports-text": (
        "The whole graph for Gephi, Cytoscape, D3 or a spreadsheet.",
        "整个图谱，可用于 Gephi、Cytoscape、D3 或电子表格。",
    ),
    "ontology-text": (
        "Every term of the vocabulary, with definitions.",
        "词表中的每个术语及定义。",
    ),
    "example-zone": ("For example", "例如"),
    "names": ("Names", "名称"),
    "chinese": ("Chinese", "中文"),
    "english": ("English", "英文"),
    "pinyin": ("Pinyin", "拼音"),
    "also": ("Also known as", "又称"),
    "kind": ("Kind", "类型"),
    "formats": ("Also as", "其他格式"),
    "findings": ("Findings", "结论"),
    "findings-note": (
        "Reported findings are what a source says; computed ones are what the graph finds "
        "from everything it holds, with the rule, data snapshot and date they used.",
        "“报道”是来源的说法；“计算”是图谱根据全部数据得出的结论，并注明规则、数据快照和日期。",
    ),
    "rule": ("rule", "规则"),
    "snapshot": ("snapshot", "数据快照"),
    "as-of": ("as of", "截至"),
    "finding-node": ("finding", "结论节点"),
    "provenance": ("How this was computed", "计算依据"),
    "timeline": ("Timeline", "时间线"),
    "designations-title": ("Designations", "认定"),
    "inside": ("Designations inside this region, at every level", "本地区内（各级）的认定"),
    "first-of": (
        "Showing the first {shown} of {total}; every one:",
        "显示前 {shown} 条，共 {total} 条；全部：",
    ),
    "designee": ("Designee", "被认定对象"),
    "program": ("Program", "项目"),
    "type": ("Type", "类型"),
    "level": ("Level", "级别"),
    "status": ("Status", "核实状态"),
    "date": ("Date", "日期"),
    "issuer": ("Designated by", "认定机构"),
    "batch": ("Batch", "批次"),
    "batches": ("Batches", "批次"),
    "coverage": ("Coverage", "覆盖"),
    "members": ("Members stated", "官方数量"),
    "known": ("Known here", "本图已知"),
    "sources-title": ("Sources", "来源"),
    "map": ("Map", "地图"),
    "markers": ("places", "个地点"),
    "map-source": (
        "outlines: Natural Earth (public domain); points: division coordinates",
        "轮廓：Natural Earth（公有领域）；点位：行政区划坐标",
    ),
    "graph": ("Graph", "关系图"),
    "ego-note": (
        "Everything one step away; click a node to open it.",
        "一步之内的所有节点；点击节点打开其页面。",
    ),
    "no-graph": ("Not in the designation network.", "不在认定网络中。"),
    "graph-too-large": (
        "Too many neighbours to draw here; use the exports.",
        "邻居过多，无法在此绘制；请使用导出。",
    ),
    "statements": ("All statements", "全部陈述"),
    "incoming": ("Referenced by", "被引用"),
    "undated": ("undated", "无日期"),
    "run": ("Run", "运行"),
    "running": ("Running…", "运行中…"),
    "query-text": ("SPARQL query", "SPARQL 查询"),
    "choose-example": ("Example queries", "示例查询"),
    "pick": ("Choose an example…", "选择示例…"),
    "table": ("Table", "表格"),
    "chart": ("Chart", "图表"),
    "download-csv": ("Download CSV", "下载 CSV"),
    "download-json": ("Download JSON", "下载 JSON"),
    "share": ("Share link", "分享链接"),
    "copy": ("Copy", "复制"),
    "rows": ("rows", "行"),
    "results": ("Results", "结果"),
    "answer": ("Answer", "答案"),
    "error": ("Error", "错误"),
    "truncated": ("cut at the row limit", "已截断至行数上限"),
    "editor-help": (
        "Ctrl+Enter runs the query; Ctrl+Space completes prefixes and cnd: terms. Common "
        "prefixes are predeclared.",
        "Ctrl+Enter 运行查询；Ctrl+Space 补全前缀和 cnd: 术语。常用前缀已预先声明。",
    ),
    "kind-zone": ("zone", "园区"),
    "kind-organisation": ("organisation", "机构"),
    "kind-program": ("program", "项目"),
    "kind-region": ("region", "行政区"),
    "kind-cluster": ("cluster", "集群"),
    "kind-batch": ("batch", "批次"),
    "kind-designation": ("designation", "认定"),
}


def words(lang: Lang) -> dict[str, str]:
    """Every key in one language."""
    index = 1 if lang == "zh" else 0
    return {key: pair[index] for key, pair in WORDS.items()}
