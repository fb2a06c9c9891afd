/// The answers bot protection gives instead of a tracking page, shaped after what public detectors of them match
/// (see `Fixtures/README.md`).
enum BlockPages {
    /// The response `block` gives a request for `number` (if any) at `path`.
    static func response(for block: PageBlock, number: TrackingNumber?, path: String) -> PlannedResponse {
        let seed = StableHash.fnv1a((number?.value ?? path).utf8)
        switch block {
        case .akamai(.accessDenied):
            return PlannedResponse(
                status: 403, contentType: "text/html",
                extraHeaders: [
                    PlannedHeader(name: "Server", value: "AkamaiGHost"), PlannedHeader(name: "Mime-Version", value: "1.0"),
                    PlannedHeader(name: "Cache-Control", value: "max-age=0, no-cache, no-store"),
                ],
                body: .text(Self.accessDenied(path: path, seed: seed))
            )
        case .akamai(.javascriptChallenge):
            return PlannedResponse(
                status: 200, contentType: "text/html; charset=utf-8",
                extraHeaders: [
                    PlannedHeader(name: "Cache-Control", value: "no-cache, no-store"),
                    PlannedHeader(name: "Set-Cookie", value: "sec_cpt=\(Self.hex(seed, digits: 32))~1~\(Self.hex(seed >> 7, digits: 8))~0; Path=/; Secure; HttpOnly"),
                ],
                body: .text(Self.challenge(seed: seed))
            )
        case .akamai(.redirect(let location)):
            return PlannedResponse(
                status: 302, contentType: "text/html",
                extraHeaders: [PlannedHeader(name: "Location", value: location)],
                body: .text("<html><head><title>302 Found</title></head><body><h1>Found</h1><p>The document has moved <a href=\"\(location)\">here</a>.</p></body></html>\n")
            )
        case .chinaPost(.captcha):
            return PlannedResponse(
                status: 200, contentType: "text/html; charset=utf-8",
                extraHeaders: [PlannedHeader(name: "Set-Cookie", value: "JSESSIONID=\(Self.hex(seed, digits: 32).uppercased()); Path=/qps; HttpOnly")],
                body: .text(Self.captcha(number: number?.value ?? "", seed: seed))
            )
        }
    }

    /// Akamai's edge deny page: the URL and reference number entity-encoded, as the edge writes them, so a search
    /// for a literal "Reference #" in the source finds nothing.
    private static func accessDenied(path: String, seed: UInt64) -> String {
        let reference = "18.\(Self.hex(seed, digits: 8)).\(1_763_031_402 + Int(seed % 9_000_000)).\(Self.hex(seed >> 11, digits: 8))"
        return """
            <HTML><HEAD>
            <TITLE>Access Denied</TITLE>
            </HEAD><BODY>
            <H1>Access Denied</H1>
             
            You don't have permission to access "\(Self.entityEncoded("http://tools.usps.com\(path)?"))" on this server.<P>
            Reference&#32;&#35;\(Self.entityEncoded(reference))
            <P>\(Self.entityEncoded("https://errors.edgesuite.net/\(reference)"))</P>
            </BODY>
            </HTML>

            """
    }

    /// Akamai Bot Manager's behavioural challenge interstitial, answered with HTTP 200.
    private static func challenge(seed: UInt64) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title></title>
        <style>
          #sec-if-cpt-container { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; background: #fff; }
          #sec-cpt-if { border: 0; width: 100%; height: 100%; }
          .sec-cpt-branding { position: fixed; bottom: 12px; width: 100%; text-align: center; font: 12px/1.4 Arial, sans-serif; color: #777; }
        </style>
        </head>
        <body>
        <div id="sec-if-cpt-container" role="main">
          <noscript>Please enable JavaScript to continue.</noscript>
          <iframe id="sec-cpt-if" title="Challenge Content"
                  provider="behavioral"
                  data-key="" data-duration="\(5 + seed % 5)"
                  challenge="eyJzZWMtY3AtY2hhbGxlbmdlIjoidHJ1ZSIsInByb3ZpZGVyIjoiYmVoYXZpb3JhbCIsImJyYW5kaW5nX3VybF9jb250ZW50IjoiL19zZWMvY3BfY2hhbGxlbmdlL2FrLWNoYWxsZW5nZS00LTMuaHRtIiwiY2hsZ19kdXJhdGlvbiI6NX0="
                  src="/_sec/cp_challenge/ak-challenge-4-3.htm"></iframe>
        </div>
        <div class="sec-cpt-branding">Powered and protected by Akamai</div>
        <script src="/_sec/cp_challenge/sec-cpt-4-3.js" async defer></script>
        </body>
        </html>

        """
    }

    /// China Post's query site asking for its slider CAPTCHA before any result: the page fetches the puzzle images
    /// (`YYPng_base64`, `CutPng_base64`, `uuid`) and posts the slider's offset to `slideVerifyCheck`.
    private static func captcha(number: String, seed: UInt64) -> String {
        """
        <!DOCTYPE html>
        <html>
        <head>
        <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
        <title>中国邮政 - 邮件查询 - 安全验证</title>
        <style>
        .verify-wrap{width:320px;margin:80px auto;font:14px/1.6 "Microsoft YaHei",Arial,sans-serif;color:#333}
        .verify-img{position:relative;width:300px;height:180px;background:#eee}.verify-bar{position:relative;width:300px;height:40px;margin-top:10px;background:#f2f2f2;border:1px solid #ddd}
        .verify-slider{position:absolute;left:0;top:0;width:40px;height:40px;background:#007841;cursor:pointer}.verify-tip{margin-top:8px;color:#999}
        </style>
        </head>
        <body>
        <div class="verify-wrap" id="slideVerify">
          <h3>请完成安全验证</h3>
          <div class="verify-img"><img id="bgImg" alt=""><img id="cutImg" alt="" style="position:absolute;left:0;top:0"></div>
          <div class="verify-bar"><div class="verify-slider" id="slider"></div><span class="verify-tip">向右拖动滑块填充拼图</span></div>
          <form id="queryForm" action="/qps/showPicture/verify/slideVerifyCheck" method="post">
            <input type="hidden" name="uuid" id="uuid" value="">
            <input type="hidden" name="moveEnd_X" id="moveEndX" value="">
            <input type="hidden" name="text[]" value="\(number)">
            <input type="hidden" name="selectType" value="1">
          </form>
        </div>
        <script type="text/javascript">
        var verifyConfig = { imageUrl: "/qps/showPicture/verify/slideVerifyImage?r=\(seed % 1_000_000)", checkUrl: "/qps/showPicture/verify/slideVerifyCheck", width: 300, height: 180 };
        function loadPuzzle() {
          $.getJSON(verifyConfig.imageUrl, function (data) {
            $("#bgImg").attr("src", "data:image/jpeg;base64," + data.YYPng_base64);
            $("#cutImg").attr("src", "data:image/png;base64," + data.CutPng_base64);
            $("#uuid").val(data.uuid);
          });
        }
        </script>
        <script type="text/javascript" src="/qps/js/jquery.min.js"></script>
        <script type="text/javascript" src="/qps/js/slideVerify.js"></script>
        </body>
        </html>

        """
    }

    /// Every character that is not a letter or digit as a decimal entity, as Akamai writes URLs in its pages.
    private static func entityEncoded(_ text: String) -> String {
        var encoded = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) {
                encoded.unicodeScalars.append(scalar)
            } else {
                encoded += "&#\(scalar.value);"
            }
        }
        return encoded
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let alphabet = Array("0123456789abcdef")
        var mixed = SplitMix64.mix(value)
        var text = ""
        for _ in 0..<digits {
            text.append(alphabet[Int(mixed & 0xf)])
            mixed = mixed >> 4 == 0 ? SplitMix64.mix(mixed ^ 0x5eed) : mixed >> 4
        }
        return text
    }
}
