/// The page's style sheet: readable on a phone (tables become cards below 760 px), print-friendly (tables kept,
/// filters and messages' bodies left out, rows not split across pages), system fonts only (nothing fetched).
enum ReportStyle {
    static let css: String = {
        var kinds = ""
        for (id, hex) in KindColor.table { kinds += ".k-\(id){--kc:\(hex)}\n" }
        return base + kinds + cards + print
    }()

    private static let base = """
        :root{--fg:#1f2328;--mut:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--acc:#0b57d0}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;color:var(--fg);background:#fff;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",\
        "Helvetica Neue",Arial,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
        header.top,main,.filters,footer{max-width:1440px;margin:0 auto;padding:0 16px}
        h1{font-size:22px;margin:16px 0 4px}h1 span{color:var(--mut);font-weight:400}
        h2{font-size:18px;margin:28px 0 4px;scroll-margin-top:8px}
        h2 .n{color:var(--mut);font-weight:400;font-size:15px;margin-left:4px}h2 .shown{color:var(--mut);font-weight:400;font-size:14px}
        a{color:var(--acc)}
        .run{color:var(--mut);margin:2px 0}.run b{color:var(--fg)}
        .alert{border-left:4px solid #c92a2a;background:#fff5f5;padding:8px 12px;margin:10px 0}
        nav h2{margin-top:16px}
        ol.groups{list-style:none;margin:8px 0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:6px}
        ol.groups li{border:1px solid var(--line);border-left:6px solid var(--kc,#868e96);border-radius:6px;padding:6px 10px}
        ol.groups a{text-decoration:none;color:var(--fg);display:block}ol.groups a:hover{text-decoration:underline}
        ol.groups b{font-size:18px;margin-right:6px;font-variant-numeric:tabular-nums}
        ol.groups .zero{color:var(--mut);border-left-color:var(--line)}
        .also{margin:6px 0 0}
        .filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;padding-top:10px;padding-bottom:10px;\
        position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line)}
        .filters label{display:flex;gap:6px;align-items:center;color:var(--mut)}
        .filters select,.filters input,.filters button{font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px;background:#fff;color:var(--fg)}
        .filters .q input{width:18em;max-width:60vw}
        .filters output{color:var(--mut)}
        section.rows{border-top:4px solid var(--kc,var(--line));margin-top:24px}
        section.rows>h2{margin-top:10px}
        .todo{margin:2px 0 8px;color:var(--mut);max-width:110ch}
        .none{color:var(--mut)}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
        thead th{background:var(--soft);font-size:12px;font-weight:600;color:var(--mut)}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        table.plain{width:auto;min-width:50%}
        .orders td:first-child>*,.orders td:nth-child(2)>small,.p>*{display:block}
        .orders td:first-child{min-width:11em;overflow-wrap:break-word}
        .orders td:first-child>b{font-size:1.07em;white-space:nowrap}
        .orders td:nth-child(3){min-width:18em}
        small{color:var(--mut);font-size:.86em}
        .p>span:first-child>a,.p>span:first-child>i{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.93em;font-style:normal}
        .p+.p{margin-top:6px;padding-top:6px;border-top:1px dashed var(--line)}
        q{quotes:"\\201C" "\\201D"}.p q+i{color:var(--mut);font-style:normal}
        .nc{color:#9c3500}
        td.d{white-space:nowrap;font-size:.93em}td.d b{font-weight:600}
        ul.fl{list-style:none;margin:0;padding:0}
        ul.fl li{border-left:4px solid var(--kc,#868e96);padding-left:6px;margin-bottom:4px}
        em.new{background:#ffe066;color:#000;font-style:normal;font-weight:600;font-size:11px;padding:0 4px;border-radius:3px;text-transform:uppercase}
        .ack{display:block;color:var(--mut);font-size:.93em}.ack strong{color:#9c3500}
        .ch{margin:4px 0 0;font-size:.93em}
        details.msg summary{cursor:pointer;color:var(--acc);white-space:nowrap}
        details.msg div{white-space:pre-wrap;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:8px;\
        margin-top:4px;font-size:13px;width:min(62ch,80vw)}
        [hidden]{display:none!important}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,560px),1fr));gap:8px 28px}
        figure.chart{margin:16px 0}figcaption{margin-bottom:6px}figcaption span{color:var(--mut)}
        figure svg{width:100%;height:auto;max-width:760px;display:block}
        .sv{overflow-x:auto}
        svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:12px;fill:#1f2328}
        svg .sm{font-size:10px;fill:#59636e}
        svg .grid{stroke:#e3e8ee;stroke-width:1}svg .axis{stroke:#59636e;stroke-width:1}
        svg .med{stroke:#1f2328;stroke-width:2}svg .p90{stroke:#1f2328;stroke-width:1.5;stroke-dasharray:4 3}
        figure details{margin-top:6px}figure summary{cursor:pointer;color:var(--acc)}
        footer{color:var(--mut);margin-top:32px;padding-bottom:24px}

        """

    /// Below 760 px on a screen each order row becomes a card; the column headings move into each cell. Paper keeps
    /// the table, which packs more orders on a page.
    private static let cards = """
        @media screen and (max-width:760px){
        body{font-size:15px}
        ol.groups{grid-template-columns:1fr 1fr;gap:4px}ol.groups li{padding:4px 8px;font-size:13px}ol.groups b{font-size:16px;display:block}
        .orders thead{display:none}
        .orders,.orders tbody,.orders tr,.orders td{display:block;width:100%}
        .orders tr{border:1px solid var(--line);border-left:5px solid var(--kc,var(--line));border-radius:8px;margin:10px 0;padding:6px 0}
        .orders td{border:0;padding:3px 12px;min-width:0!important}
        .orders td:nth-child(n+2)::before{display:block;font-size:11px;font-weight:600;color:var(--mut);text-transform:uppercase;letter-spacing:.03em}
        .orders td:nth-child(2)::before{content:"Destination"}
        .act td:nth-child(3)::before,.hd td:nth-child(3)::before{content:"Parcels and last event"}
        .act td:nth-child(4)::before{content:"Key dates"}
        .act td:nth-child(5)::before{content:"Flags and changes"}
        .act td:nth-child(6)::before{content:"Suggested message"}
        .hd td:nth-child(4)::before{content:"Handled flags"}
        .cl td:nth-child(3)::before{content:"Cleared, and why"}
        td.d{white-space:normal}
        details.msg div{width:auto}
        .filters{position:static}
        .filters .q input{width:100%;max-width:none}.filters .q{flex:1 1 100%}
        table.plain{width:100%;display:block;overflow-x:auto}
        figure svg{min-width:540px}
        }

        """

    private static let print = """
        @media print{
        .filters,.also,footer{display:none}
        body{font-size:10px}header.top,main{max-width:none;padding:0}
        th,td{padding:3px 4px}td.d{white-space:normal}.orders td:first-child{min-width:0}.orders td:nth-child(3){min-width:0}
        a{color:inherit;text-decoration:none}
        tr,figure{break-inside:avoid}
        thead{display:table-header-group}
        .charts{display:block}figure svg{max-width:640px}
        }

        """
}
