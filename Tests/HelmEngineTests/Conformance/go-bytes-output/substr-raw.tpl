{{ substr 0 1 "éa" }}|{{ substr 1 3 "éa" }}|{{ trunc 2 "日本語" }}|{{ trunc -2 "日本語" }}
