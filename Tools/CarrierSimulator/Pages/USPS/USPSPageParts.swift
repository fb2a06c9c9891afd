/// The parts of a USPS tracking page that do not depend on the parcel, built once as bytes: the head with its
/// style sheet and scripts, the site header and mega menu, the panels below the timeline, the FAQ entries and the
/// footer. Real USPS pages carry this much markup around a few lines of tracking data.
enum USPSPageParts {
    /// From `<!DOCTYPE html>` to just before the page's own configuration script.
    static let head: [UInt8] = Array(
        (headStart + styleSheet + analyticsScript).utf8
    )

    /// From `</head>` to the opening of the tracking wrapper: skip links, utility header and mega menu.
    static let header: [UInt8] = Array(("</head>\n<body>\n" + siteHeader).utf8)

    /// Panels below the timeline: text and email updates, product information, delivery instructions.
    static let afterTimeline: [UInt8] = Array(panels.utf8)

    /// FAQ entries; a page shows some of them.
    static let faqEntries: [[UInt8]] = faqs.map { question, answer in
        Array(
            """
                    <div class="faq-entry panel panel-default">
                      <div class="panel-heading" role="tab"><h4 class="panel-title"><a class="faq-toggle collapsed" data-toggle="collapse" href="#faq-\(question.count)" aria-expanded="false">\(question)</a></h4></div>
                      <div class="panel-collapse collapse" role="tabpanel"><div class="panel-body"><p>\(answer)</p></div></div>
                    </div>

            """.utf8
        )
    }

    /// Product cross-sell cards; a page shows some of them.
    static let crossSellCards: [[UInt8]] = crossSell.map { title, text, path in
        Array(
            """
                    <div class="col-xs-12 col-sm-6 col-md-3 cross-sell-card">
                      <a class="cross-sell-link" href="https://www.usps.com/\(path)" data-analytics="tracking:cross-sell:\(path)">
                        <img class="cross-sell-image" src="/global-elements/images/cross-sell/\(path.split(separator: "/").joined(separator: "-")).png" alt="" aria-hidden="true" width="240" height="160">
                        <h3 class="cross-sell-title">\(title)</h3>
                        <p class="cross-sell-text">\(text)</p>
                        <span class="button--link">Learn More<span class="visuallyhidden"> about \(title)</span></span>
                      </a>
                    </div>

            """.utf8
        )
    }

    /// From the end of the variable sections to `</html>`: footer and deferred scripts.
    static let footer: [UInt8] = Array((siteFooter + deferredScripts).utf8)

    // MARK: - Head

    private static let headStart = """
        <!DOCTYPE html>
        <html lang="en" class="no-js">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="X-UA-Compatible" content="IE=edge">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>USPS.com&reg; - USPS Tracking&reg; Results</title>
        <meta name="description" content="Track your package or shipment with USPS Tracking. Get the free Informed Delivery&reg; feature to receive automated notifications on your packages.">
        <meta name="format-detection" content="telephone=no">
        <meta property="og:site_name" content="USPS.com">
        <meta property="og:title" content="USPS Tracking&reg; Results">
        <meta property="og:type" content="website">
        <link rel="icon" type="image/x-icon" href="/favicon.ico">
        <link rel="apple-touch-icon" sizes="180x180" href="/global-elements/images/apple-touch-icon.png">
        <link rel="preconnect" href="https://www.usps.com">
        <link rel="dns-prefetch" href="https://reg.usps.com">
        <link rel="stylesheet" href="/global-elements/lib/css/bootstrap-3.4.1.min.css">
        <link rel="stylesheet" href="/global-elements/header/css/megamenu-v4.css">
        <link rel="stylesheet" href="/global-elements/footer/css/main-sb.css">
        <link rel="stylesheet" href="/go/css/tracking-cross-sell.css">
        <link rel="stylesheet" href="/go/css/tracking-results-v3.css">
        <link rel="stylesheet" href="/go/css/jquery-ui.min.css">

        """

    private static let styleSheet: String = {
        var css = "<style type=\"text/css\">\n"
        css += coreStyles
        css += ".col-xs-12,.col-sm-4,.col-sm-6,.col-sm-10,.col-md-3{position:relative;min-height:1px;padding-right:15px;padding-left:15px;float:left;width:100%}\n"
        css += "@media (min-width:768px){\n"
        for columns in 1...12 {
            css += ".col-sm-\(columns){float:left;width:\(percentage(columns, of: 12))%}\n"
        }
        for columns in 0...11 {
            css += ".col-sm-offset-\(columns){margin-left:\(percentage(columns, of: 12))%}\n"
        }
        css += "}\n@media (min-width:992px){.col-md-3{width:25%}.col-md-4{width:33.33333333%}.col-md-6{width:50%}}\n"
        for (name, property) in [("m", "margin"), ("p", "padding")] {
            for (side, suffix) in [("t", "-top"), ("b", "-bottom"), ("l", "-left")] {
                for size in [0, 10, 15, 20, 40] {
                    css += ".\(name)\(side)-\(size){\(property)\(suffix):\(size)px!important}\n"
                }
            }
        }
        css += "</style>\n"
        return css
    }()

    /// `columns / total` as a percentage with eight decimals, as Bootstrap writes it.
    private static func percentage(_ columns: Int, of total: Int) -> String {
        let scaled = columns * 10_000_000_000 / total
        let whole = scaled / 100_000_000
        let fraction = String(scaled % 100_000_000)
        return "\(whole).\(String(repeating: "0", count: 8 - fraction.count))\(fraction)"
    }

    private static let coreStyles = """
        html{font-family:sans-serif;-ms-text-size-adjust:100%;-webkit-text-size-adjust:100%}body{margin:0;font-family:"HelveticaNeueW02-55Roma","Helvetica Neue",Helvetica,Arial,sans-serif;font-size:15px;line-height:1.42857143;color:#333366;background-color:#fff}
        a{color:#333366;text-decoration:none;background-color:transparent}a:hover,a:focus{color:#333366;text-decoration:underline}a:focus{outline:thin dotted;outline:5px auto -webkit-focus-ring-color;outline-offset:-2px}
        h1,h2,h3,h4,h5,h6{font-family:"HelveticaNeueW02-75Bold","Helvetica Neue",Helvetica,Arial,sans-serif;font-weight:normal;line-height:1.1;color:#333366;margin-top:20px;margin-bottom:10px}
        .container-fluid{padding-right:15px;padding-left:15px;margin-right:auto;margin-left:auto}.row{margin-right:-15px;margin-left:-15px}.row:before,.row:after,.container-fluid:before,.container-fluid:after{content:" ";display:table}.row:after,.container-fluid:after{clear:both}
        .visuallyhidden{border:0;clip:rect(0 0 0 0);height:1px;margin:-1px;overflow:hidden;padding:0;position:absolute;width:1px}.hidden{display:none!important}.collapse{display:none}.collapse.in{display:block}
        #tracking_page_wrapper{padding-top:30px;padding-bottom:60px;min-height:600px}#tracking_page_wrapper .product_summary{border-bottom:1px solid #d9d9d9;padding-bottom:15px;margin-bottom:25px}
        .tracking_number{font-size:18px;letter-spacing:.5px}.tracking-number{display:inline-block;font-family:"HelveticaNeueW02-75Bold","Helvetica Neue",Helvetica,Arial,sans-serif;margin-left:6px}.tracking-copy{cursor:pointer;color:#3573b1;font-size:13px;margin-left:10px}
        .latest-update-banner-wrapper{background:#f7f7f7;border-left:6px solid #333366;padding:18px 24px;margin-bottom:30px}.latest-update-banner-wrapper h3{font-size:22px;margin-top:0}.latest-update-banner-wrapper p{margin:0;font-size:15px}
        .tracking-progress-bar-status-container{position:relative;margin:0 0 40px;padding-left:34px;border-left:3px solid #d9d9d9}.bar-fill-animation{position:absolute;left:-43px;width:16px;height:16px;border-radius:50%;background:#fff;border:3px solid #333366}
        .current-step .bar-fill-animation{background:#333366}.collapsed .bar-fill-animation{border-color:#999}.expand-collapse-history{display:inline-block;margin-top:10px;font-size:14px;color:#3573b1;text-decoration:underline}
        .product_tracking_details{margin-top:30px;padding:24px;border:1px solid #d9d9d9}.product_tracking_details h3{font-size:18px;margin-top:0}.product_tracking_details .checkbox-wrap{margin:8px 0}
        .text-tracking-heading{font-size:18px}.button--primary{display:inline-block;padding:10px 24px;background:#333366;color:#fff;border:0;border-radius:3px;font-size:15px;cursor:pointer}.button--primary:hover{background:#1f1f4d;color:#fff;text-decoration:none}
        .button--secondary{display:inline-block;padding:9px 23px;background:#fff;color:#333366;border:1px solid #333366;border-radius:3px}.button--link{color:#3573b1;text-decoration:underline}
        .panel{margin-bottom:20px;background-color:#fff;border:1px solid transparent;border-radius:4px;box-shadow:0 1px 1px rgba(0,0,0,.05)}.panel-default{border-color:#ddd}.panel-heading{padding:10px 15px;border-bottom:1px solid transparent;border-top-left-radius:3px;border-top-right-radius:3px}
        .panel-title{margin-top:0;margin-bottom:0;font-size:16px;color:inherit}.panel-body{padding:15px}.faq-toggle{display:block;position:relative;padding-right:30px}.faq-toggle:after{content:"\\2212";position:absolute;right:0}.faq-toggle.collapsed:after{content:"+"}
        .cross-sell-card{margin-bottom:30px}.cross-sell-image{max-width:100%;height:auto;margin-bottom:12px}.cross-sell-title{font-size:17px;margin:0 0 6px}.cross-sell-text{font-size:14px;color:#595959}
        .global-header{position:relative;z-index:100;background:#fff;border-bottom:1px solid #e6e6e6}.global-header .nav-utility{background:#333366;padding:6px 0;text-align:right}.global-header .nav-utility a{color:#fff;font-size:13px;margin-left:18px}
        .global-header--navigation{display:flex;align-items:center;padding:0 24px}.nav-logo{margin-right:32px}.nav-logo img{width:205px;height:28px}.nav-list{list-style:none;margin:0;padding:0;display:flex}.menuheader{position:static}
        .menuheader>a.menuitem{display:block;padding:26px 18px;font-size:16px;font-family:"HelveticaNeueW02-75Bold","Helvetica Neue",Helvetica,Arial,sans-serif}.repos{display:none;position:absolute;left:0;right:0;background:#fff;padding:30px 40px;box-shadow:0 8px 16px rgba(0,0,0,.12)}
        .menuheader:hover .repos,.menuheader:focus-within .repos{display:flex}.repos ul{list-style:none;margin:0 40px 0 0;padding:0;min-width:220px}.repos li{margin:0 0 10px}.repos li a{font-size:14px}.repos li img{width:20px;height:20px;margin-right:8px;vertical-align:middle}
        .search-form{margin-left:auto}.search-form input{border:1px solid #999;border-radius:3px;padding:6px 10px;width:220px}.global-footer{background:#333366;color:#fff;padding:40px 0 20px;font-size:13px}.global-footer a{color:#fff}
        .global-footer .footer-column{float:left;width:25%;padding:0 20px}.global-footer h5{color:#fff;font-size:14px;text-transform:uppercase;letter-spacing:1px}.global-footer ul{list-style:none;padding:0;margin:0}.global-footer li{margin-bottom:8px}
        .global-footer .copyright{clear:both;border-top:1px solid #55557a;margin-top:30px;padding-top:20px;text-align:center}.modal{display:none;position:fixed;top:0;right:0;bottom:0;left:0;z-index:1050;overflow:hidden;outline:0}
        .modal-dialog{position:relative;width:auto;margin:10px}.modal-content{position:relative;background-color:#fff;border:1px solid rgba(0,0,0,.2);border-radius:6px;outline:0;box-shadow:0 3px 9px rgba(0,0,0,.5)}.modal-header{padding:15px;border-bottom:1px solid #e5e5e5}
        .modal-body{position:relative;padding:15px}.modal-footer{padding:15px;text-align:right;border-top:1px solid #e5e5e5}.form-control{display:block;width:100%;height:34px;padding:6px 12px;font-size:14px;line-height:1.42857143;color:#555;background:#fff;border:1px solid #ccc;border-radius:4px}
        @media print{.global-header,.global-footer,.cross-sell-card,.product_tracking_details{display:none!important}#tracking_page_wrapper{padding:0}a[href]:after{content:" (" attr(href) ")"}}

        """

    private static let analyticsScript = #"""
        <script type="text/javascript">
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
        gtag('config', 'G-CSLL4ZEK4L', {'anonymize_ip': true, 'page_title': 'USPS Tracking Results', 'content_group': 'tracking'});
        var utag_data = {"page_name":"tracking results","page_type":"tools","site_section":"track","country_code":"us","language_code":"en","user_status":"anonymous","environment":"production"};
        (function(a,b,c,d){a='//tags.tiqcdn.com/utag/uspsdigital/main/prod/utag.js';b=document;c='script';d=b.createElement(c);d.src=a;d.type='text/java'+c;d.async=true;a=b.getElementsByTagName(c)[0];a.parentNode.insertBefore(d,a);})();
        var trackingMessages = {
          "copied": "Tracking number copied to clipboard.",
          "copyFailed": "Select the tracking number and copy it manually.",
          "signupSuccess": "You will receive updates for this item.",
          "signupError": "We are unable to process your request at this time. Please try again later.",
          "emailInvalid": "Please enter a valid email address.",
          "phoneInvalid": "Please enter a valid 10-digit mobile number.",
          "historyShow": "See All Tracking History",
          "historyHide": "See Less Tracking History",
          "removeItem": "Remove this tracking number from your list?",
          "maxLabels": "You may enter up to 35 tracking numbers separated by commas."
        };
        </script>

        """#

    // MARK: - Header

    private static let menuSections: [(title: String, path: String, items: [(String, String)])] = [
        ("Quick Tools", "tools", [
            ("Track a Package", "go/TrackConfirmAction_input"), ("Informed Delivery", "manage/informed-delivery.htm"),
            ("Click-N-Ship&reg;", "ship/online-shipping.htm"), ("Stamps &amp; Supplies", "store/"),
            ("Look Up a ZIP Code&trade;", "zip-code-lookup.htm"), ("Calculate a Price", "ship/calculate-price.htm"),
            ("Schedule a Pickup", "pickup/"), ("Find USPS Locations", "locator/find-location.htm"),
            ("Hold Mail", "manage/hold-mail.htm"), ("Change of Address", "manage/forward.htm"),
            ("PO Boxes", "manage/po-boxes.htm"), ("Redelivery", "redelivery/"),
        ]),
        ("Send", "ship", [
            ("How to Send a Letter", "ship/letters.htm"), ("How to Send a Package", "ship/packages.htm"),
            ("Click-N-Ship", "ship/online-shipping.htm"), ("Ship with USPS Connect&trade;", "business/usps-connect.htm"),
            ("Priority Mail&reg;", "ship/priority-mail.htm"), ("Priority Mail Express&reg;", "ship/priority-mail-express.htm"),
            ("USPS Ground Advantage&trade;", "ship/ground-advantage.htm"), ("First-Class Mail&reg;", "ship/first-class-mail.htm"),
            ("Media Mail&reg;", "ship/media-mail.htm"), ("Insurance &amp; Extra Services", "ship/insurance-extra-services.htm"),
            ("Shipping Restrictions", "ship/shipping-restrictions.htm"), ("Filing a Claim", "help/claims.htm"),
            ("Postage Prices", "ship/prices.htm"), ("Shipping Supplies", "store/shipping-supplies"),
        ]),
        ("Receive", "manage", [
            ("Informed Delivery&reg;", "manage/informed-delivery.htm"), ("Package Intercept&reg;", "manage/package-intercept.htm"),
            ("USPS Delivery Instructions&trade;", "manage/delivery-instructions.htm"), ("Mail &amp; Package Delivery", "manage/mail-package-delivery.htm"),
            ("PO Boxes", "manage/po-boxes.htm"), ("Hold Mail", "manage/hold-mail.htm"),
            ("Change of Address", "manage/forward.htm"), ("Redelivery", "redelivery/"),
            ("Mailbox Guidelines", "manage/mailboxes.htm"), ("Missing Mail", "help/missing-mail.htm"),
        ]),
        ("Shop", "store", [
            ("Stamps", "store/stamps"), ("Shipping Supplies", "store/shipping-supplies"), ("Cards &amp; Envelopes", "store/cards-envelopes"),
            ("Collectors", "store/collectors"), ("Gifts", "store/gifts"), ("Free Boxes", "store/free-shipping-supplies"),
            ("Passports", "international/passports.htm"), ("Money Orders", "shop/money-orders.htm"),
        ]),
        ("Business", "business", [
            ("Business Shipping", "business/business-shipping.htm"), ("Advertising with Mail", "business/advertise-with-mail.htm"),
            ("Every Door Direct Mail&reg;", "business/every-door-direct-mail.htm"), ("Loyalty Program", "business/loyalty.htm"),
            ("Shipping APIs", "business/web-tools-apis/"), ("Print Shipping Labels", "business/print-shipping-labels.htm"),
            ("Business Customer Gateway", "business/business-customer-gateway.htm"), ("Returns Services", "business/return-services.htm"),
            ("International Business Shipping", "business/international-shipping.htm"), ("Postage Options", "business/postage-options.htm"),
        ]),
        ("International", "international", [
            ("Calculate International Prices", "international/calculate.htm"), ("Print International Labels", "international/labels.htm"),
            ("Customs Forms", "international/customs-forms.htm"), ("Country Restrictions", "international/country-restrictions.htm"),
            ("Priority Mail Express International&reg;", "international/priority-mail-express-international.htm"),
            ("Priority Mail International&reg;", "international/priority-mail-international.htm"),
            ("First-Class Package International Service&reg;", "international/first-class-package-international-service.htm"),
            ("International Insurance", "international/insurance-extra-services.htm"), ("Passports", "international/passports.htm"),
            ("Military &amp; Diplomatic Mail", "ship/apo-fpo-dpo.htm"),
        ]),
        ("Help", "help", [
            ("Tracking Help", "help/tracking.htm"), ("Missing Mail", "help/missing-mail.htm"), ("File a Claim", "help/claims.htm"),
            ("Refunds", "help/refunds.htm"), ("Contact Us", "help/contact-us.htm"), ("FAQs", "faqs/"),
            ("Delivery Status", "help/delivery-status.htm"), ("Service Alerts", "service-alerts/"),
        ]),
    ]

    private static let siteHeader: String = {
        var html = """
            <a class="visuallyhidden skip-link" href="#tracking_page_wrapper">Skip to Main Content</a>
            <div class="global-header" id="global-header--container">
              <div class="nav-utility" id="nav-utility">
                <div class="utility-links">
                  <a tabindex="0" class="hidden-xs" href="https://www.usps.com/help/contact-us.htm">Contact Us</a>
                  <a tabindex="0" href="https://reg.usps.com/entreg/LoginAction_input?app=Phoenix&amp;appURL=https://www.usps.com/">Register / Sign In</a>
                  <a tabindex="0" class="link-lang" href="#" data-lang="es">Espa&ntilde;ol</a>
                  <a tabindex="0" class="link-lang" href="#" data-lang="zh">&#20013;&#25991;</a>
                  <a tabindex="0" class="hidden-xs" href="https://www.usps.com/locator/find-location.htm">Locations</a>
                  <a tabindex="0" class="hidden-xs" href="https://www.usps.com/help/">Support</a>
                  <a tabindex="0" class="hidden-xs" href="https://informeddelivery.usps.com/">Informed Delivery</a>
                </div>
              </div>
              <nav class="global-header--navigation" aria-label="Main Navigation">
                <a class="nav-logo" href="https://www.usps.com/"><img src="/global-elements/header/images/utility-header/logo-sb.svg" alt="USPS.com home"></a>
                <ul class="nav-list" role="menubar">

            """
        for section in menuSections {
            html += """
                      <li class="menuheader" role="none">
                        <a class="menuitem" role="menuitem" tabindex="0" aria-haspopup="true" aria-expanded="false" href="https://www.usps.com/\(section.path)/">\(section.title)</a>
                        <div class="repos" role="menu" aria-label="\(section.title) submenu">
                          <ul>

                """
            for (index, item) in section.items.enumerated() {
                if index > 0 && index % 6 == 0 {
                    html += "            </ul>\n            <ul>\n"
                }
                html += """
                                  <li><a role="menuitem" tabindex="-1" href="https://www.usps.com/\(item.1)">\(item.0)</a></li>

                    """
            }
            html += "            </ul>\n          </div>\n        </li>\n"
        }
        html += """
                </ul>
                <form class="search-form" role="search" action="https://www.usps.com/search/results.htm" method="get">
                  <label class="visuallyhidden" for="global-header--search-track-search">Search USPS.com or Track Packages</label>
                  <input id="global-header--search-track-search" name="q" type="text" autocomplete="off" placeholder="Search or Track a Package" aria-label="Search or Track a Package">
                  <button class="search-btn" type="submit" aria-label="Search"><img src="/global-elements/header/images/utility-header/search.svg" alt=""></button>
                </form>
              </nav>
            </div>

            """
        return html
    }()

    // MARK: - Panels

    private static let panels = """
              <div class="product_tracking_details">
                <h3 class="text-tracking-heading">Text &amp; Email Updates</h3>
                <p>Choose what types of updates you'd like to receive and how you'd like to receive them. Standard message and data rates may apply. Message frequency varies. Text STOP to quit.</p>
                <form class="tracking-updates-form" action="/go/TrackConfirmRequestUpdateAJAXAction" method="post" novalidate>
                  <div class="row">
                    <div class="col-xs-12 col-sm-6">
                      <div class="checkbox-wrap"><input type="checkbox" id="text-updates" name="textUpdates" value="true"><label for="text-updates">Text</label></div>
                      <div class="checkbox-wrap"><input type="checkbox" id="email-updates" name="emailUpdates" value="true"><label for="email-updates">Email</label></div>
                    </div>
                    <div class="col-xs-12 col-sm-6">
                      <div class="checkbox-wrap"><input type="checkbox" id="update-all" name="all" value="true"><label for="update-all">All Below Updates</label></div>
                      <div class="checkbox-wrap"><input type="checkbox" id="update-expected" name="expectedDelivery" value="true"><label for="update-expected">Expected Delivery Updates</label></div>
                      <div class="checkbox-wrap"><input type="checkbox" id="update-day" name="dayOfDelivery" value="true"><label for="update-day">Day of Delivery Updates</label></div>
                      <div class="checkbox-wrap"><input type="checkbox" id="update-package" name="packageDelivered" value="true"><label for="update-package">Package Delivered</label></div>
                      <div class="checkbox-wrap"><input type="checkbox" id="update-available" name="availableForPickup" value="true"><label for="update-available">Available for Pickup</label></div>
                      <div class="checkbox-wrap"><input type="checkbox" id="update-exception" name="deliveryException" value="true"><label for="update-exception">Delivery Exception Updates</label></div>
                      <div class="checkbox-wrap"><input type="checkbox" id="update-transit" name="packageInTransit" value="true"><label for="update-transit">Package In-Transit Updates</label></div>
                    </div>
                  </div>
                  <div class="row m-t-15">
                    <div class="col-xs-12 col-sm-6"><label for="updates-phone">Mobile Number</label><input class="form-control" type="tel" id="updates-phone" name="phone" maxlength="12" autocomplete="tel-national"></div>
                    <div class="col-xs-12 col-sm-6"><label for="updates-email">Email Address</label><input class="form-control" type="email" id="updates-email" name="email" maxlength="100" autocomplete="email"></div>
                  </div>
                  <div class="m-t-20"><button type="submit" class="button--primary">Get Updates</button> <a class="button--link m-l-15" href="#" data-dismiss="updates">Cancel</a></div>
                </form>
              </div>
              <div class="product_tracking_details delivery-instructions">
                <h3 class="text-tracking-heading">USPS Tracking Plus&reg;</h3>
                <p>Extend the time your tracking history is available, and request a printed or emailed statement of the tracking history for your records.</p>
                <a class="button--secondary" href="https://www.usps.com/manage/usps-tracking-plus.htm">Learn More</a>
              </div>
              <div class="product_tracking_details product-information">
                <h3 class="text-tracking-heading">Product Information</h3>
                <div class="row">
                  <div class="col-xs-12 col-sm-4"><h4 class="m-t-0">Postal Product:</h4><p>USPS Ground Advantage&trade;</p></div>
                  <div class="col-xs-12 col-sm-4"><h4 class="m-t-0">Features:</h4><ul class="features-list"><li>USPS Tracking&reg;</li><li>Up to $100 insurance included. Restrictions Apply</li></ul></div>
                  <div class="col-xs-12 col-sm-4"><h4 class="m-t-0">See tracking for related item:</h4><p><a class="button--link" href="#" data-related="none">None</a></p></div>
                </div>
                <p class="m-t-10"><a class="button--link" href="https://www.usps.com/help/tracking.htm">See Less</a></p>
              </div>
              <div class="modal fade" id="modal-remove-label" tabindex="-1" role="dialog" aria-labelledby="modal-remove-title">
                <div class="modal-dialog" role="document"><div class="modal-content">
                  <div class="modal-header"><button type="button" class="close" data-dismiss="modal" aria-label="Close"><span aria-hidden="true">&times;</span></button><h4 class="modal-title" id="modal-remove-title">Remove Tracking Number</h4></div>
                  <div class="modal-body"><p>Are you sure you want to remove this tracking number from your list? You can always track it again later.</p></div>
                  <div class="modal-footer"><button type="button" class="button--secondary" data-dismiss="modal">Cancel</button> <button type="button" class="button--primary" id="confirm-remove">Remove</button></div>
                </div></div>
              </div>
              <div class="modal fade" id="modal-share" tabindex="-1" role="dialog" aria-labelledby="modal-share-title">
                <div class="modal-dialog" role="document"><div class="modal-content">
                  <div class="modal-header"><button type="button" class="close" data-dismiss="modal" aria-label="Close"><span aria-hidden="true">&times;</span></button><h4 class="modal-title" id="modal-share-title">Share Tracking</h4></div>
                  <div class="modal-body"><label for="share-email">Recipient Email</label><input class="form-control" type="email" id="share-email" name="shareEmail"><label class="m-t-10" for="share-message">Message (optional)</label><textarea class="form-control" id="share-message" name="shareMessage" rows="3"></textarea></div>
                  <div class="modal-footer"><button type="button" class="button--secondary" data-dismiss="modal">Cancel</button> <button type="button" class="button--primary" id="confirm-share">Send</button></div>
                </div></div>
              </div>
              <div class="faq-container m-t-40" role="tablist">
                <h2 class="faq-heading">Can&rsquo;t find what you&rsquo;re looking for?</h2>
                <p>Go to our FAQs section to find answers to your tracking questions.</p>

        """

    private static let faqs: [(String, String)] = [
        ("What does my tracking status mean?", "Each scan on your timeline tells you where your item was last handled. Select a status to see a longer description, and see the Tracking Help page for a full list of statuses and what they mean for your delivery."),
        ("When will my package arrive?", "The expected delivery date is calculated from the mail class, the day the item was accepted and the distance it travels. Weather, holidays and high volumes can move that date; the status updates as the item is scanned."),
        ("Why hasn't my tracking updated?", "Items are scanned at acceptance, at processing facilities and at delivery, but not at every point in between. An item can travel for a day or more between scans, especially over a weekend or a holiday."),
        ("My item says it was delivered, but I don't have it.", "Check around your delivery location, with neighbors and with other members of your household. Items are sometimes marked delivered shortly before they arrive. If it does not turn up within 24 hours, contact your local Post Office."),
        ("What is a Notice Left status?", "The carrier tried to deliver the item but no one was available to receive it, or there was no safe place to leave it. A notice tells you where and when you can pick it up, or how to schedule a redelivery online."),
        ("How do I schedule a redelivery?", "Use the Redelivery tool with the notice number or the tracking number. You can ask for the item to be delivered again on a day you choose, or to be held for pickup at your Post Office."),
        ("Can I change where my package is delivered?", "Package Intercept lets you redirect an item that has not been delivered yet, for a fee. USPS Delivery Instructions lets you ask the carrier to leave packages in a particular place at your address."),
        ("How long is tracking information kept?", "Tracking history is available for 120 days after delivery. USPS Tracking Plus extends that period and lets you request a statement of the history for your records."),
        ("What do the international statuses mean?", "Items from abroad are scanned by the sending country's postal service until they are handed to USPS. Scans such as Origin Post is Preparing Shipment are sent electronically and may show a time in the sender's country."),
        ("My international item is in customs. What happens now?", "Customs agencies examine items arriving from abroad and may collect duties and taxes. USPS has no control over how long an item spends with customs; the timeline updates once the item is released."),
        ("How do I file a claim?", "If your item was insured and it was lost or damaged, you can file a claim online. You will need proof of value, proof of insurance and, for damaged items, the packaging and contents."),
        ("How do I start a missing mail search?", "If your item has not arrived after seven days, submit a Help Request Form. If the item is still missing after that, you can submit a Missing Mail Search Request with a description of the item and its packaging."),
    ]

    private static let crossSell: [(String, String, String)] = [
        ("Informed Delivery&reg;", "Digitally preview your incoming mail and manage your packages scheduled to arrive soon.", "manage/informed-delivery.htm"),
        ("Click-N-Ship&reg;", "Pay for postage and print shipping labels online, then schedule a free package pickup.", "ship/online-shipping.htm"),
        ("USPS Delivery Instructions&trade;", "Tell your carrier where to leave packages, or ask us to hold them at your Post Office.", "manage/delivery-instructions.htm"),
        ("Free Shipping Supplies", "Order free Priority Mail boxes, envelopes and labels delivered to your door.", "store/free-shipping-supplies"),
        ("Hold Mail", "Going away? We'll hold your mail and packages at your Post Office for up to 30 days.", "manage/hold-mail.htm"),
        ("Package Intercept&reg;", "Redirect a package to another address or have it held for pickup before it is delivered.", "manage/package-intercept.htm"),
    ]

    // MARK: - Footer

    private static let footerColumns: [(String, [(String, String)])] = [
        ("Helpful Links", [
            ("Contact Us", "https://www.usps.com/help/contact-us.htm"), ("Site Index", "https://www.usps.com/globals/site-index.htm"),
            ("FAQs", "https://faq.usps.com/s/"), ("Feedback", "https://www.usps.com/feedback/"),
        ]),
        ("On About.USPS.com", [
            ("About USPS Home", "https://about.usps.com/"), ("Newsroom", "https://about.usps.com/newsroom/"),
            ("USPS Service Updates", "https://about.usps.com/newsroom/service-alerts/"), ("Forms &amp; Publications", "https://about.usps.com/forms-publications/"),
            ("Government Services", "https://about.usps.com/what/government-services/"), ("Careers", "https://about.usps.com/careers/"),
        ]),
        ("Other USPS Sites", [
            ("Business Customer Gateway", "https://gateway.usps.com/"), ("Postal Inspectors", "https://www.uspis.gov/"),
            ("Inspector General", "https://www.uspsoig.gov/"), ("Postal Explorer", "https://pe.usps.com/"),
            ("National Postal Museum", "https://postalmuseum.si.edu/"), ("Resources for Developers", "https://developer.usps.com/"),
        ]),
        ("Legal Information", [
            ("Privacy Policy", "https://about.usps.com/who/legal/privacy-policy/welcome.htm"), ("Terms of Use", "https://about.usps.com/termsofuse.htm"),
            ("FOIA", "https://about.usps.com/who/legal/foia/"), ("No FEAR Act EEO Data", "https://about.usps.com/who/legal/no-fear-act/welcome.htm"),
        ]),
    ]

    private static let siteFooter: String = {
        var html = "      </div>\n    </div>\n  </div>\n</div>\n<footer class=\"global-footer\" role=\"contentinfo\">\n  <div class=\"container-fluid\">\n"
        for (title, links) in footerColumns {
            html += "    <div class=\"footer-column\">\n      <h5>\(title)</h5>\n      <ul>\n"
            for (label, url) in links {
                html += "        <li><a href=\"\(url)\">\(label)</a></li>\n"
            }
            html += "      </ul>\n    </div>\n"
        }
        html += """
                <div class="copyright"><p>Copyright &copy; 2023 USPS. All Rights Reserved.</p></div>
              </div>
            </footer>

            """
        return html
    }()

    private static let deferredScripts = #"""
        <script type="text/javascript" src="/global-elements/lib/script/jquery/dist/jquery.min.js"></script>
        <script type="text/javascript" src="/global-elements/lib/script/bootstrap-3.4.1.min.js"></script>
        <script type="text/javascript" src="/global-elements/header/script/megamenu-v4.js"></script>
        <script type="text/javascript" src="/go/scripts/tracking-results.js"></script>
        <script type="text/javascript">
        $(function () {
          $('.tracking-copy').on('click', function () {
            var number = $(this).data('tracking');
            if (navigator.clipboard) {
              navigator.clipboard.writeText(number).then(function () { announce(trackingMessages.copied); }, function () { announce(trackingMessages.copyFailed); });
            } else { announce(trackingMessages.copyFailed); }
          });
          $('.expand-collapse-history').on('click', function (event) {
            event.preventDefault();
            var container = $(this).closest('.tracking-progress-bar-status-container');
            container.toggleClass('expanded');
            $(this).text(container.hasClass('expanded') ? trackingMessages.historyHide : trackingMessages.historyShow);
          });
          $('#update-all').on('change', function () { $('.tracking-updates-form input[type=checkbox]').not(this).prop('checked', this.checked); });
          function announce(message) { var region = document.getElementById('sr-announce'); if (region) { region.textContent = message; } }
        });
        </script>
        <div id="sr-announce" class="visuallyhidden" aria-live="polite"></div>
        </body>
        </html>

        """#
}
