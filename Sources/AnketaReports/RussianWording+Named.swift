extension RussianWording {
    /// The note a справка of a named instrument (`anonymous: false`) carries under «Участники».
    static let namedSurveyNote = "Анкетирование неанонимное: участники заполняли анкету под своим именем, поэтому результаты приводятся при любом числе ответивших, в том числе по группам из одного человека; имена участников в справке не приводятся."
}
