/**
 * Spanish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const es: Lexicon = {
  lang: 'es',
  // Greetings opening a message: a reply under its quote has at most one above it.
  greetings: ['hola', 'buenos días', 'buenas tardes', 'estimado', 'estimada'],
  instituteWords: ['escuela'],
  valedictions: [
    'saludos(?: cordiales)?',
    'un saludo',
    'atentamente',
    'gracias',
    'un cordial saludo',
    'atte',
    'saludos (?:cordiales|afectuosos)',
    '(?:muchas )?gracias(?: de antemano| por adelantado)?',
    'quedo atent[oa]',
    'reciba un cordial saludo',
  ],
  quoteWrote: ['\\bescribió', '\\bescribio'],
  quoteIntroStarts: ['El'],
  quoteHeaderLabels: ['Enviado', 'Fecha', 'Para', 'Asunto', 'Enviado el'],
  quoteSeparators: ['Reenviado por', 'Mensaje original', 'Mensaje reenviado'],
  forwardIntros: ['Inicio del mensaje reenviado'],
  lotusToLabels: ['Para'],
  // Outlook mobile: "Obtener Outlook para Android".
  clientFooters: [
    'Enviado desde mi\\b',
    'Enviado desde (?:Outlook|Yahoo|Correo|iPhone)',
    'Obtener Outlook para\\b',
  ],
  // Google Groups and list managers: "Recibiste este mensaje porque estás suscrito al grupo".
  listFooterCues: [
    'Recibiste este mensaje porque',
    'Has recibido este mensaje porque',
    'Para (?:anular|cancelar) (?:la|tu) suscripción a (?:esta|la) lista',
  ],
  noticeCues: ['aviso legal', 'por error', 'Reglamento \\(UE\\)'],
  // Tax numbers under a block: CUIT (ar), NIT (co), RUC (pe, ec), RFC (mx), NIF/CIF (es).
  registerCues: [
    'Registro Mercantil',
    'C\\.?I\\.?F\\.?:? [A-Z]\\d',
    'CUIT:? ?\\d',
    'NIT:? ?\\d',
    'RUC:? ?\\d',
    'RFC:? ?[A-Z]{3}',
    'NIF:? ?[A-Z0-9]\\d',
  ],
  followCues: ['Síguenos'],
  availabilityCues: ['Horario(?: de atención)?', 'Estaré (?:fuera|ausente)'],
  awardCues: ['\\bpremios?\\b', '\\bdel año\\b'],
  ecoCues: ['Antes de imprimir'],
  titleNouns: [
    // Veterinarians: "Veterinaria Oficial" (an official veterinarian).
    'veterinari[oa]',
    // Underwriters: "Suscriptor Senior", "Suscriptora".
    'suscriptor(?:a)?',
    // A chair professor (catedrático, catedrática).
    'catedrátic[oa]',
    // Colombian public servants' grades: "Profesional Especializado/a", "Profesional Universitario/a".
    'profesional (?:especializad|universitari)[oa]',
    // The United Nations' grades: "Oficial Nacional de Programa", "Oficial de Proyectos".
    'oficial (?:nacional )?de',
    'investigador(?:a)?',
    'professor(?:a)?',
    '(?:sub)?gerente',
    'jefe',
    'ingeniero',
    'directora',
    'jefa',
    'ingeniera',
    'consultora',
    'asesora?',
    'abogad[oa]',
    'president[ea]',
    'coordinadora?',
    'especialista',
    'analista',
    'consultor',
    // ...not the adjective of a support unit in Spanish or Portuguese (as the Portuguese list says).
    '(?<!(?:suporte|soporte|apoio|apoyo|assistência|asistencia|serviço|servicio) )técnic[oa]',
    'supervisora',
    'ejecutiv[oa]',
    'contadora?',
    'vendedora?',
    'socia',
    'socio gerente',
    'coordinador(?:a)?',
    'supervisor(?:a)?',
    'administrador(?:a)?',
    'presidente',
    'soci[oa]',
    'asistente',
    'comprador(?:a)?',
    'vendedor(?:a)?',
    'contador(?:a)?',
    'arquitect[oa]',
    'delegad[oa]',
    'representante',
    'encargad[oa]',
    'gestor(?:a)?',
    'subdirector(?:a)?',
    'consejer[oa]',
    'fundador(?:a)?',
    'cofundador(?:a)?',
    // Plant, field and office trades: Superintendente de Mantenimiento, Inspectora de Calidad, Planificador, Químico.
    'superintendente',
    'inspector(?:a)?',
    'auditor(?:a)?',
    'planificador(?:a)?',
    'mecánic[oa]',
    'operador(?:a)?',
    'capataz',
    'químic[oa]',
    'geólog[oa]',
    'economista',
    'tesorer[oa]',
    'secretari[oa]',
    'programador(?:a)?',
    'desarrollador(?:a)?',
    'diseñador(?:a)?',
    'traductor(?:a)?',
    'redactor(?:a)?',
    'periodista',
    'notari[oa]',
    'farmacéutic[oa]',
    'enfermer[oa]',
    'médic[oa]',
    'becari[oa]',
    'electricista',
    'instrumentista',
  ],
  unitWords: [
    // A plant of a firm: "Planta de Óxido de Etileno".
    'planta de',
    // A service of a hospital or a public body ("Servicio de Ingeniería y Obras", "Servicio de Cardiología").
    'servicio de',
    'dpto\\.',
    'depto\\.',
    'departamento',
    // A branch office: "Sucursal Monterrey".
    'sucursal',
    'gerencia de',
    'dirección de',
    'división',
    'área de',
    'subdirección',
    'unidad de',
    // "Oficina General de Planeamiento", "Oficina de País en Honduras".
    'oficina (?:general )?de',
    'grupo de investigación',
    'coordinación de',
    'dirección (?:general|comercial|financiera|técnica|de operaciones)',
  ],
  functions: [
    // Reinsurance: "Reaseguro de Daños".
    'reaseguros?',
    // A firm's engineering office ("Jefe de Proyecto | Oficina Técnica"), engineering.
    'oficina técnica',
    'ingeniería',
    // Support (soporte, soporte técnico).
    'soporte',
    'recursos humanos',
    'ventas',
    'compras',
    'finanzas',
    'contabilidad',
    'jurídico',
    'tecnología de la información',
    'logística',
    'comercial',
    'operaciones',
    'administración',
    'atención al cliente',
    'calidad',
    'exportación',
    'producción',
    'sistemas',
    'tesorería',
    'asesoría jurídica',
    'marketing',
    // Chile and Peru write the qualifier after the function: "Abastecimiento Estratégico".
    'abastecimiento(?: estratégico)?',
    'compras (?:corporativas|estratégicas)',
    'cadena de suministro',
  ],
  legalForms: ['S\\.L', 'SL', 'SLU', 'S\\.L\\.U', 'S\\.C', 'SAC', 'S\\.A\\.C', 'Cía', 'S\\.A\\.U'],
  // Ministries, embassies and the United Nations' bodies are organisations.
  // ...and local government: "Ayuntamiento de ...", "Diputación Provincial de ...".
  orgWords: [
    // A port authority: "Autoridad Portuaria de Punta Arenal".
    'autoridad portuaria',
    'universidad',
    'universitat',
    'ministerio',
    'embajada',
    'naciones unidas',
    'ayuntamiento de',
    'diputación (?:provincial )?de',
    // "Compañía Minera Santa Inés", "Corporación Nacional del Cobre".
    'compañía',
    'corporación',
  ],
  weakOrgWords: ['grupo', 'asociados', 'asoc'],
  orgNameWords: ['energía', 'tecnología', 'tecnologías', 'seguros', 'inversiones'],
  // Ctra. / Carretera: a road, with its kilometre ("Ctra. de Córdoba, km 12").
  streetPrefixes: [
    // Colombia's carreras written short: "Cra. 43A # 1 Sur-100".
    'cra\\.',
    // A quay: "Muelle de Levante, s/n".
    'muelle',
    'avda\\.?',
    'calle',
    'plaza',
    'paseo',
    'camino',
    'polígono',
    'pol\\.',
    'ctra\\.',
    'carretera',
  ],
  poBoxes: ['Apartado(?: de correos)?', 'Apdo\\.?', 'Casilla'],
  countries: [
    'españa',
    'méxico',
    'perú',
    'panamá',
    'república dominicana',
    // ...and countries written beside a title's territory ("Gerente de Exportación – Reino Unido e Irlanda").
    'reino unido',
    'irlanda',
    'alemania',
    'francia',
    'italia',
    'países bajos',
    'marruecos',
  ],
  // "Fono" is how Chile labels a phone.
  phoneWork: ['telf', 'telef', 'teléfono', 'fijo', 'oficina', 'centralita', 'fono'],
  phoneMobile: ['cel', 'móvil', 'movil', 'celular'],
  fieldLabels: ['Nombre', 'Cargo', 'Empresa', 'Dirección'],
  premisesWords: [
    // A building in an address: "Edificio 555, Ciudad del Saber".
    'edificio',
    'piso',
    'nave',
  ],
  floorWords: ['piso', 'planta'],
  // "Ruta Nacional 8 km 221" (Argentina, Uruguay).
  // Sales territories: "Gerente Comercial – Zona Norte" keeps the zone in the title.
  regionWords: [
    'zona',
    'norte',
    'sur',
    'centro',
    'este',
    'oeste',
    'noreste',
    'noroeste',
    'sureste',
    'suroeste',
  ],
  highwayWords: ['Carretera', 'Ctra\\.', 'Autovía', 'Autopista', 'Ruta(?: Nacional| Provincial)?'],
  // Latin American degree titles before a name: "Ing. Agr. Martín", "Licda. Ana", "Arq.", "Ec." (economist).
  honorifics: [
    // Licenciado/a written short in Spain: "Lda. Marta Irigoyen" (at the start of a name, not Portugal's Lda at the end of a firm).
    'Ld[oa]\\.(?= \\p{Lu})',
    // Contador público colegiado (Peru): "CPC. Rosa Quispe".
    'CPC\\.',
    'Lic\\.',
    'Licda\\.',
    'Sr\\.',
    'Sra\\.',
    'Ing\\.(?: Agr\\.)?',
    'Arq\\.',
    'Ec\\.',
    'Dra\\.',
    'E\\.?U\\.',
  ],
  linkLabels: ['sitio web', 'página web'],
  // Shared mailboxes (sales@, accounting@... in es): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // A warranty desk: "garantias@".
    'garantias',
    'garantia',
    // A hospital pharmacy's desk: "farmacia@", "uec.farmacia@".
    'farmacia',
    // Payroll (nóminas), selection and talent desks of an HR department or an employment-law practice.
    'nominas',
    'nomina',
    'seleccion',
    'talento',
    // Breakdown, legalisation, transfer and registration desks ("registros.sanitarios@", "grupos.escolares@").
    'averias',
    'legalizaciones',
    'traslados',
    'registros',
    'sanitarios',
    'escolares',
    // A staffing agency's shifts desk.
    'turnos',
    // A film commission's shooting-permits desk.
    'rodajes',
    // After-sales and spare-parts desks.
    'posventa',
    'postventa',
    'recambios',
    'repuestos',
    // Foreign-trade (comercio exterior) and operations desks.
    'comex',
    'operativa',
    // A press office and a communications desk.
    'prensa',
    'comunicacion',
    // A law firm's litigation desk (procesal: court filings) and its disputes desk.
    'procesal',
    'litigios',
    // A platform's notification sender.
    'notificaciones',
    // A rentals desk of a property company.
    'alquileres',
    // Trade-mark and patent desks of an IP firm.
    'marcas',
    'patentes',
    // An operations desk (en "operations"); a plant's operations desk ("explotación").
    'operaciones',
    'explotacion',
    // Rights, customs, claims and logistics desks.
    'derechos',
    'aduanas',
    // Ship agents' husbandry desk.
    'consignaciones',
    // A warehouse or stores desk.
    'almacen',
    // A plant's shipping desk.
    'embarques',
    'siniestros',
    'logistica',
    'expediciones',
    // Research ethics committees (CEIm, CEIC, CEI).
    'ceim',
    'ceic',
    'cei',
    // Permitting desks (tramitación: processing of permits and grid applications).
    'tramitacion',
    'tramitaciones',
    // Contractors' site, tender and estimating desks.
    'obra',
    'obras',
    'licitaciones',
    // Grant, partnership and secretariat desks of foundations and NGOs.
    'subvenciones',
    'alianzas',
    'donaciones',
    // Hotels and venues: reservations, events, groups, the front desk.
    'reservas',
    'reserva',
    'eventos',
    'grupos',
    'banquetes',
    'administracion',
    'contabilidad',
    'facturacion',
    'facturas',
    'compras',
    'ventas',
    'comercial',
    'pedidos',
    'atencion',
    'atencionalcliente',
    'rrhh',
    'empleo',
    'recepcion',
    'contacto',
    'informacion',
    'logistica',
    'cobros',
    'pagos',
    'tesoreria',
    'gerencia',
    'secretaria',
    'presupuestos',
  ],
};
