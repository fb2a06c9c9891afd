/// The parts of a China Post international mail query page that do not depend on the parcel, in UTF-8 and GBK,
/// built once: head with styles and scripts, the site header and navigation, side panels, notices and the footer.
///
/// Only characters GBK has are used (no `©`, `•` or `—`: entities or ASCII instead), so the GBK bytes are real GBK.
enum ChinaPostPageParts {
    static let doctype: [UInt8] = Array(
        """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml">
        <head>

        """.utf8
    )
    static let metaGBK: [UInt8] = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">\n".utf8)
    static let metaUTF8: [UInt8] = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n".utf8)

    /// From the title to the opening of the query panel.
    static let head = EncodedText(title + styles + scripts + "</head>\n<body>\n" + siteHeader)

    /// The opening of the query panel, before the number.
    static let queryStart = EncodedText(
        """
          <div class="main clearfix">
            <div class="left_side">
              <div class="mailquery">
                <h2 class="query_title">国际及港澳台邮件查询结果</h2>
                <div class="mailnum">邮件号码：<span id="mailNo">
        """
    )

    static let tableStartChinese = EncodedText(
        """
                <table class="txt_table" id="showTable" cellspacing="0">
                  <tr>
                    <th>处理时间</th>
                    <th>处理地点</th>
                    <th>邮件状态</th>
                  </tr>

        """
    )

    static let tableStartEnglish = EncodedText(
        """
                <table class="txt_table" id="showTable" cellspacing="0">
                  <tr>
                    <th>Time</th>
                    <th>Location</th>
                    <th>Status</th>
                  </tr>

        """
    )

    static let notFoundChinese = EncodedText("        <div class=\"noData\">查无此邮件，请核对邮件号码后重新查询</div>\n")
    static let notFoundEnglish = EncodedText("        <div class=\"noData\">No record of this item. Please check the number and try again.</div>\n")
    static let pendingChinese = EncodedText("        <div class=\"noData\">暂无邮件跟踪信息，请稍后再查</div>\n")
    static let pendingEnglish = EncodedText("        <div class=\"noData\">No tracking information yet. Please try again later.</div>\n")

    /// From the end of the query panel to the notices list.
    static let afterQuery = EncodedText(queryHelp + tariffGuide + sidePanelStart)

    /// Notices; a page shows some of them.
    static let notices: [EncodedText] = noticeTitles.enumerated().map { index, notice in
        EncodedText(
            """
                      <li><span class="date">\(notice.date)</span><a href="/zdxt/news/notice_\(4_120 + index * 7).html" target="_blank" title="\(notice.title)">\(notice.title)</a></li>

            """
        )
    }

    /// From the end of the notices list to `</html>`.
    static let footer = EncodedText(sidePanelEnd + siteFooter)

    // MARK: - Head

    private static let title = "<title>国际邮件查询 - China Post</title>\n<meta name=\"keywords\" content=\"中国邮政,国际邮件查询,EMS,国际小包,e邮宝,国际包裹,邮件跟踪\">\n<meta name=\"description\" content=\"中国邮政国际及港澳台邮件查询服务，提供国际包裹、国际小包、e邮宝等邮件的处理信息。\">\n"

    private static let styles = """
        <link rel="stylesheet" type="text/css" href="/css/global.css?v=20230612">
        <link rel="stylesheet" type="text/css" href="/css/mailquery.css?v=20230612">
        <style type="text/css">
        *{margin:0;padding:0}body{font:12px/1.8 "Microsoft YaHei","SimSun",Arial,sans-serif;color:#333;background:#f4f4f4}a{color:#333;text-decoration:none}a:hover{color:#007841;text-decoration:underline}ul,ol{list-style:none}img{border:0}
        .clearfix:after{content:".";display:block;height:0;clear:both;visibility:hidden}.clearfix{zoom:1}.w1200{width:1200px;margin:0 auto}
        .top_bar{height:32px;line-height:32px;background:#eee;border-bottom:1px solid #ddd}.top_bar .welcome{float:left;color:#666}.top_bar .links{float:right}.top_bar .links a{margin-left:16px;color:#666}
        .header{height:90px;background:#fff}.header .logo{float:left;margin-top:18px}.header .logo img{height:54px}.header .hotline{float:right;margin-top:28px;font-size:14px;color:#007841}.header .hotline strong{font-size:22px;font-family:Arial}
        .nav{height:46px;background:#007841}.nav li{float:left;position:relative}.nav li a{display:block;height:46px;line-height:46px;padding:0 26px;color:#fff;font-size:16px}.nav li a:hover,.nav li.on a{background:#005c32;text-decoration:none}
        .nav li .sub{display:none;position:absolute;top:46px;left:0;width:180px;background:#fff;border:1px solid #ddd;z-index:99}.nav li:hover .sub{display:block}.nav li .sub a{height:34px;line-height:34px;color:#333;font-size:13px;padding:0 18px}
        .banner{height:160px;background:#0b8a4e url(/images/banner_query.jpg) no-repeat center top}.banner .search{padding-top:50px;text-align:center}.banner .search input.txt{width:560px;height:40px;border:0;padding:0 12px;font-size:14px;vertical-align:middle}
        .banner .search input.btn{width:120px;height:40px;border:0;background:#f9a100;color:#fff;font-size:16px;cursor:pointer;vertical-align:middle}.banner .search p{margin-top:10px;color:#e6f4ec}
        .main{width:1200px;margin:20px auto}.left_side{float:left;width:880px}.right_side{float:right;width:300px}.mailquery{background:#fff;border:1px solid #e2e2e2;padding:20px 24px;min-height:420px}
        .query_title{font-size:18px;color:#007841;border-bottom:2px solid #007841;padding-bottom:8px;margin-bottom:16px}.mailnum{font-size:14px;margin-bottom:12px}.mailnum span{font-weight:bold;font-family:Arial;color:#c00}
        .mailinfo{background:#f7fbf9;border:1px dashed #b6dcc8;padding:10px 14px;margin-bottom:14px}.mailinfo li{float:left;width:50%;line-height:26px}.mailinfo li em{font-style:normal;color:#888}
        .txt_table{width:100%;border-collapse:collapse}.txt_table th{background:#e8f3ed;color:#005c32;height:34px;border:1px solid #d5e8dd;font-weight:bold}.txt_table td{border:1px solid #e5e5e5;padding:8px 10px;line-height:20px}.txt_table tr:nth-child(even) td{background:#fafafa}
        .txt_table td.time{width:160px;font-family:Arial;color:#666}.txt_table td.addr{width:180px}.noData{padding:60px 0;text-align:center;font-size:16px;color:#999;background:url(/images/icon_info.png) no-repeat center 10px}
        .query_help{margin-top:18px;background:#fff;border:1px solid #e2e2e2;padding:16px 24px}.query_help h3{font-size:15px;color:#007841;margin-bottom:8px}.query_help p{line-height:24px;color:#666;text-indent:2em}
        .side_box{background:#fff;border:1px solid #e2e2e2;margin-bottom:16px}.side_box h3{height:38px;line-height:38px;padding-left:14px;font-size:15px;color:#fff;background:#007841}.side_box ul{padding:10px 14px}
        .side_box li{height:30px;line-height:30px;overflow:hidden;border-bottom:1px dotted #ddd}.side_box li .date{float:right;color:#999;font-family:Arial}.side_box .services li{float:left;width:50%;border:0}
        .footer{margin-top:30px;background:#2f3a33;color:#aab4ad;padding:24px 0}.footer .links{text-align:center;margin-bottom:10px}.footer .links a{color:#dfe6e1;margin:0 12px}.footer p{text-align:center;line-height:24px}
        .float_service{position:fixed;right:10px;bottom:120px;width:60px;z-index:100}.float_service a{display:block;width:60px;height:60px;margin-bottom:4px;background:#007841;color:#fff;text-align:center;line-height:60px}
        </style>

        """

    private static let scripts = #"""
        <script type="text/javascript" src="/js/jquery.min.js"></script>
        <script type="text/javascript" src="/js/jquery.cookie.js"></script>
        <script type="text/javascript" src="/js/common.js?v=20230612"></script>
        <script type="text/javascript">
        var _hmt = _hmt || [];
        (function() { var hm = document.createElement("script"); hm.src = "https://hm.baidu.com/hm.js?6c7d1e5f0a2b4c8d9e3f1a2b3c4d5e6f"; var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(hm, s); })();
        var queryConfig = { maxNumbers: 20, separator: /[\s,，;；]+/, pattern: /^[A-Za-z]{2}[0-9]{9}[A-Za-z]{2}$|^[0-9]{10,30}$/, lang: "zh_CN" };
        function checkMailNo(form) {
          var value = $.trim(form.mailNo.value).toUpperCase();
          if (value.length === 0) { alert("请输入邮件号码"); form.mailNo.focus(); return false; }
          var numbers = value.split(queryConfig.separator);
          if (numbers.length > queryConfig.maxNumbers) { alert("每次最多查询" + queryConfig.maxNumbers + "个邮件号码"); return false; }
          for (var i = 0; i < numbers.length; i++) {
            if (!queryConfig.pattern.test(numbers[i])) { alert("邮件号码格式不正确：" + numbers[i]); return false; }
          }
          form.mailNo.value = numbers.join(",");
          return true;
        }
        $(function () {
          $(".nav li").hover(function () { $(this).addClass("hover"); }, function () { $(this).removeClass("hover"); });
          $(".txt_table tr:gt(0)").hover(function () { $(this).addClass("over"); }, function () { $(this).removeClass("over"); });
          $("#btnPrint").click(function () { window.print(); return false; });
          $("#btnFavorite").click(function () { try { window.external.addFavorite(location.href, document.title); } catch (e) { alert("请使用Ctrl+D收藏本页"); } return false; });
        });
        </script>

        """#

    // MARK: - Header

    private static let navigation: [(String, [String])] = [
        ("首页", []),
        ("寄递服务", ["国际及港澳台特快专递", "国际及港澳台包裹", "国际小包", "e邮宝", "e速宝", "中邮海外仓", "国际商业快件"]),
        ("邮件查询", ["国际及港澳台邮件查询", "国内邮件查询", "批量查询", "查询接口申请"]),
        ("资费标准", ["国际资费查询", "港澳台资费查询", "燃油附加费", "资费计算器"]),
        ("邮政编码", ["邮政编码查询", "地址查询", "国际邮政编码"]),
        ("网点查询", ["营业网点", "自提点", "大客户服务中心"]),
        ("通关服务", ["海关申报须知", "禁限寄物品", "各国通关要求", "关税说明"]),
        ("新闻中心", ["通知公告", "行业动态", "服务公告"]),
        ("关于我们", ["企业简介", "服务承诺", "联系我们", "招聘信息"]),
    ]

    private static let siteHeader: String = {
        var html = """
            <div class="top_bar">
              <div class="w1200">
                <span class="welcome">您好，欢迎访问中国邮政国际邮件查询平台！</span>
                <span class="links"><a href="/login.html">登录</a><a href="/register.html">注册</a><a href="/en/index.html">English</a><a href="#" id="btnFavorite">收藏本站</a><a href="/sitemap.html">网站地图</a></span>
              </div>
            </div>
            <div class="header">
              <div class="w1200">
                <div class="logo"><a href="/"><img src="/images/logo_chinapost.png" alt="中国邮政 China Post"></a></div>
                <div class="hotline">客服热线：<strong>11183</strong>（国际及港澳台业务）</div>
              </div>
            </div>
            <div class="nav">
              <ul class="w1200">

            """
        for (index, (title, items)) in navigation.enumerated() {
            html += "    <li\(index == 2 ? " class=\"on\"" : "")><a href=\"/zdxt/channel_\(index + 1).html\">\(title)</a>"
            if !items.isEmpty {
                html += "\n      <div class=\"sub\">\n"
                for (itemIndex, item) in items.enumerated() {
                    html += "        <a href=\"/zdxt/channel_\(index + 1)_\(itemIndex + 1).html\">\(item)</a>\n"
                }
                html += "      </div>\n    "
            }
            html += "</li>\n"
        }
        html += """
              </ul>
            </div>
            <div class="banner">
              <div class="search">
                <form name="queryForm" action="/zdxt/yjcx/mailQuery" method="get" onsubmit="return checkMailNo(this);">
                  <input type="text" class="txt" name="mailNo" maxlength="600" placeholder="请输入邮件号码，多个号码请用逗号或空格分隔">
                  <input type="submit" class="btn" value="查 询">
                </form>
                <p>支持国际及港澳台特快专递、国际包裹、国际小包、e邮宝等邮件查询，每次最多可查询20个号码</p>
              </div>
            </div>

            """
        return html
    }()

    // MARK: - Panels

    private static let queryHelp = """
              <div class="query_tools"><a href="#" id="btnPrint">打印查询结果</a> | <a href="/zdxt/yjcx/subscribe">订阅邮件动态</a> | <a href="/zdxt/yjcx/batch">批量查询</a></div>
            </div>
            <div class="query_help">
              <h3>查询说明</h3>
              <p>1. 邮件信息的更新存在一定延时，邮件交寄后一般需要1至2个工作日才能查询到收寄信息；邮件出境后，寄达国邮政反馈的处理信息通常需要数日方可显示。</p>
              <p>2. 国际邮件在运输途中可能经过多个处理环节，相邻两条信息之间间隔数日属于正常现象，请耐心等待。节假日期间处理时间可能相应顺延。</p>
              <p>3. 邮件进入寄达国后，由寄达国邮政负责处理和投递，部分国家邮政的信息不能全部反馈，如需了解更多信息，可登录寄达国邮政网站查询。</p>
              <p>4. 如邮件长时间没有新的处理信息，请携带收据到收寄网点或拨打11183客服热线办理查询，查询时限为交寄之日起六个月内。</p>
              <p>5. 海关对进出境邮件实施监管，需要补充申报资料或缴纳税款的邮件，请按照海关或寄达国邮政的通知办理相关手续。</p>
              <h3>时间说明</h3>
              <p>本页面显示的处理时间均为北京时间（UTC+8）。寄达国的处理时间已按北京时间换算，与当地时间可能存在时差。</p>
              <h3>温馨提示</h3>
              <p>请勿轻信以邮政名义发送的要求支付额外费用的短信、邮件或电话，中国邮政不会通过短信链接要求您补缴运费或关税。如有疑问请拨打11183核实。</p>
            </div>

        """

    /// The rates table, destination selector and prohibited items every query page carries below the result.
    private static let tariffGuide: String = {
        var html = """
                <div class="query_help tariff_guide">
                  <h3>国际小包（e邮宝）资费及时限参考</h3>
                  <form class="tariff_form" action="/zdxt/zfcx/calculate" method="get">
                    <label for="tariffCountry">寄达国家/地区：</label>
                    <select id="tariffCountry" name="country">
                      <option value="">请选择</option>

            """
        for destination in Destination.all where destination.region != .notServed {
            html += "            <option value=\"\(destination.code)\">\(destination.chineseName) \(destination.englishName)</option>\n"
        }
        html += """
                    </select>
                    <label for="tariffWeight">重量（克）：</label><input type="text" id="tariffWeight" name="weight" maxlength="5" size="6">
                    <input type="submit" class="btn" value="计算资费">
                  </form>
                  <ul class="tariff_list clearfix">

            """
        let regions: [(String, String, String)] = [
            ("美国", "7-15个工作日", "按克计费，每件另收挂号费"),
            ("加拿大、欧洲主要国家", "7-15个工作日", "部分国家需提供收件人电话及电子邮箱"),
            ("澳大利亚、新西兰", "7-15个工作日", "偏远地区时限可能延长"),
            ("日本、韩国、新加坡等亚洲国家", "5-10个工作日", "部分国家限寄含电池物品"),
            ("中南美洲国家", "15-30个工作日", "巴西、墨西哥需提供收件人税号"),
            ("非洲国家", "15-45个工作日", "部分国家仅通达首都及主要城市"),
        ]
        for (region, days, note) in regions {
            html += "            <li><strong>\(region)</strong>：参考时限\(days)；\(note)。</li>\n"
        }
        html += """
                  </ul>
                  <h3>禁止和限制寄递物品</h3>
                  <p>根据《禁止寄递物品管理规定》及寄达国海关规定，下列物品不得通过国际邮件寄递：</p>
                  <ul class="prohibited_list clearfix">

            """
        let prohibited = [
            "枪支（含仿制品、主要零部件）、弹药", "管制器具", "爆炸物品", "易燃易爆气体及液体", "易燃固体、自燃物质",
            "毒性物质、感染性物质", "放射性物质", "腐蚀性物质", "毒品及吸毒工具", "非法出版物、印刷品、音像制品",
            "间谍专用器材", "非法伪造物品", "侵犯知识产权和假冒伪劣物品", "濒危野生动物及其制品", "禁止进出境物品",
            "单独寄递的锂电池、充电宝", "液体、膏状物品（限量寄递）", "粉末状物品（需提供成分说明）", "现金、有价证券",
        ]
        for item in prohibited {
            html += "            <li>\(item)</li>\n"
        }
        html += """
                  </ul>
                  <p>寄递含锂电池的电子产品、化妆品、食品、药品等物品，请事先咨询收寄网点或拨打11183，并按照寄达国要求如实申报内件品名、数量和价值。申报不实造成的延误、退回或海关处罚，由寄件人承担相应责任。</p>
                </div>
              </div>

            """
        return html
    }()

    private static let sidePanelStart = """
          <div class="right_side">
            <div class="side_box">
              <h3>常用服务</h3>
              <ul class="services clearfix">
                <li><a href="/zdxt/channel_4_1.html">资费查询</a></li>
                <li><a href="/zdxt/channel_5_1.html">邮编查询</a></li>
                <li><a href="/zdxt/channel_6_1.html">网点查询</a></li>
                <li><a href="/zdxt/channel_7_2.html">禁限寄物品</a></li>
                <li><a href="/zdxt/channel_7_1.html">海关申报</a></li>
                <li><a href="/zdxt/channel_3_3.html">批量查询</a></li>
                <li><a href="/zdxt/channel_2_4.html">e邮宝</a></li>
                <li><a href="/zdxt/channel_9_3.html">联系我们</a></li>
              </ul>
            </div>
            <div class="side_box">
              <h3>通知公告</h3>
              <ul class="notice_list">

        """

    private static let sidePanelEnd = """
              </ul>
            </div>
            <div class="side_box">
              <h3>相关链接</h3>
              <ul>
                <li><a href="https://www.chinapost.com.cn/" target="_blank">中国邮政集团有限公司</a></li>
                <li><a href="https://www.ems.com.cn/" target="_blank">中国邮政速递物流</a></li>
                <li><a href="https://www.upu.int/" target="_blank">万国邮政联盟（UPU）</a></li>
                <li><a href="http://www.customs.gov.cn/" target="_blank">中华人民共和国海关总署</a></li>
                <li><a href="https://www.spb.gov.cn/" target="_blank">国家邮政局</a></li>
                <li><a href="/zdxt/channel_7_3.html">各国通关要求汇总</a></li>
                <li><a href="/zdxt/channel_4_3.html">燃油附加费标准</a></li>
                <li><a href="/zdxt/channel_9_2.html">服务承诺与赔偿标准</a></li>
              </ul>
            </div>
            <div class="side_box">
              <h3>服务承诺</h3>
              <ul>
                <li>国际特快专递：全程跟踪，限时送达</li>
                <li>国际包裹：安全可靠，价格实惠</li>
                <li>国际小包：轻小件物品寄递首选</li>
                <li>e邮宝：跨境电商专属经济型服务</li>
              </ul>
            </div>
          </div>
        </div>

        """

    private static let noticeTitles: [(date: String, title: String)] = [
        ("2023-07-12", "关于调整部分国家和地区国际小包资费的通知"),
        ("2023-07-05", "关于暑期国际航班运力紧张期间邮件时限的提示"),
        ("2023-06-28", "关于恢复寄往部分国家国际包裹业务的公告"),
        ("2023-06-20", "关于端午节假期国际邮件处理安排的通知"),
        ("2023-06-12", "关于防范冒充邮政工作人员诈骗的提示"),
        ("2023-06-01", "关于e邮宝服务开通新寄达国家的公告"),
        ("2023-05-25", "关于国际邮件海关申报规范的说明"),
        ("2023-05-16", "关于调整国际特快专递燃油附加费的通知"),
        ("2023-05-08", "关于部分国家邮政暂停收寄含电池物品的通知"),
        ("2023-04-27", "关于劳动节假期国际邮件处理安排的通知"),
        ("2023-04-18", "关于国际邮件查询系统升级维护的公告"),
        ("2023-04-06", "关于寄往欧盟国家邮件增值税申报要求的提示"),
        ("2023-03-29", "关于恢复国际邮件航空运输线路的通知"),
        ("2023-03-15", "关于国际小包挂号服务时限标准的说明"),
        ("2023-03-02", "关于规范跨境电商邮件包装要求的通知"),
        ("2023-02-20", "关于国际及港澳台邮件赔偿标准的说明"),
    ]

    private static let siteFooter = """
        <div class="float_service"><a href="/zdxt/online_service.html" target="_blank">在线客服</a><a href="#" onclick="window.scrollTo(0,0);return false;">返回顶部</a></div>
        <div class="footer">
          <div class="w1200">
            <div class="links"><a href="/about.html">关于我们</a>|<a href="/law.html">法律声明</a>|<a href="/privacy.html">隐私政策</a>|<a href="/sitemap.html">网站地图</a>|<a href="/contact.html">联系我们</a>|<a href="/links.html">友情链接</a></div>
            <p>版权所有 &copy; 中国邮政集团有限公司　未经许可不得复制、转载或摘编，违者必究！</p>
            <p>京ICP备10044523号-1　京公网安备11010202007808号　客服热线：11183</p>
            <p>建议使用1280&times;800以上分辨率，IE9及以上版本浏览器访问本站</p>
          </div>
        </div>
        </body>
        </html>

        """
}
