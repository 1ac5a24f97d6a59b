import AnketaCore
import AnketaDocument

extension DocumentStyle {
    /// A справка's style: the defaults (Times New Roman 14/12, margins, page numbers) with the font
    /// and sizes of the organisation profile, when one is given.
    public init(profile: OrganizationProfile?) {
        self.init()
        if let style = profile?.style {
            fontName = style.font
            bodySize = style.bodySize
            tableSize = style.tableSize
        }
    }
}
