import Foundation

/// The argument parser's own words (errors, usage, help headings) in Chinese: the parser writes English, and every
/// message the CLI shows is Chinese. Each pattern (a regular expression) is replaced by its template, in order.
enum ParserMessages {
    static let replacements: [(pattern: String, template: String)] = [
        (#"Error: "#, "错误："),
        (#"Missing expected argument '([^']*)'"#, "缺少必需的参数 '$1'"),
        (#"The value '([^']*)' is invalid for '([^']*)'\. Please provide one of (.*)\."#, "'$2' 的取值 '$1' 无效，可选：$3。"),
        (#"The value '([^']*)' is invalid for '([^']*)'\. Please provide one of the following:"#, "'$2' 的取值 '$1' 无效，可选值如下："),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "'$2' 的取值 '$1' 无效"),
        (#"\d+ unexpected arguments: (.*)"#, "多余的参数：$1"),
        (#"Missing one of: (.*)"#, "缺少以下之一：$1"),
        (#"' and '"#, "'、'"),
        (#"' or '"#, "'、'"),
        (#"', '"#, "'、'"),
        (#"Unknown option '([^']*)'\.?"#, "未知选项 '$1'。"),
        (#" ?Did you mean '([^']*)'\?"#, "是否要用 '$1'？"),
        (#"Missing value for '([^']*)'"#, "选项 '$1' 缺少取值"),
        (#"Unexpected arguments? (.*)"#, "多余的参数 $1"),
        (#"See '([^']*)' for more information\."#, "详见 '$1'。"),
        (#"See '([^']*)' for detailed help\."#, "详见 '$1'。"),
        (#" ?\(values:\s+([^;)]*); default: ([^)]*)\)"#, "（可选：$1；默认：$2）"),
        (#" ?\(values:\s+([^)]*)\)"#, "（可选：$1）"),
        (#" ?\(default:\s+([^)]*)\)"#, "（默认：$1）"),
        (#"Show help information\."#, "显示帮助信息。"),
        (#"Show the version\."#, "显示版本。"),
        (#"(?m)^Help: "#, "说明："),
        (#"(?m)^Usage: "#, "用法："),
        (#"(?m)^OVERVIEW: "#, "概述："),
        (#"(?m)^USAGE: "#, "用法："),
        (#"(?m)^ARGUMENTS:"#, "参数："),
        (#"(?m)^OPTIONS:"#, "选项："),
        (#"(?m)^SUBCOMMANDS:"#, "子命令："),
        (#"<subcommand>"#, "<子命令>"),
    ]

    /// `message` with the parser's English replaced.
    static func chinese(_ message: String) -> String {
        replacements.reduce(message) { text, replacement in
            // The patterns are constants of this file; one that does not compile is a programming error.
            let expression = try! NSRegularExpression(pattern: replacement.pattern)
            return expression.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement.template)
        }
    }
}
